-- wrk script: POST /v2/apis/{api}/routes with a target, round-robin over every API listed in a file
-- ("apiId integrationId" per line), as a catalog's writes come: many APIs at once, each route
-- targeting its API's integration. Usage: wrk -tT -s create-targeted-routes.lua URL -- FILE T
-- Thread n (numbered in setup()) takes the lines at positions n, n+T, n+2T... and writes them in
-- turn, one route each, so threads never write the same API and no API passes AWS's quota of 300
-- routes as long as the file lists at least requests / 300 APIs.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

function init(args)
    local all, count = {}, tonumber(args[2])
    for line in io.lines(args[1]) do
        all[#all + 1] = line
    end
    apis, targets = {}, {}
    for index = thread_number, #all, count do
        local api, integration = all[index]:match("(%S+)%s+(%S+)")
        apis[#apis + 1] = api
        targets[#targets + 1] = integration
    end
    counter = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local slot = counter % #apis + 1
    local body = string.format('{"routeKey":"GET /t%d/r%d","target":"integrations/%s"}', thread_number, counter,
        targets[slot])
    counter = counter + 1
    return wrk.format(nil, "/v2/apis/" .. apis[slot] .. "/routes", nil, body)
end
