-- wrk script: POST /v2/apis/{api}/routes, every request a route key no other request of the run
-- uses, spread over the APIs listed in a file (one id per line) so no API passes AWS's quota of
-- 300 routes. Usage: wrk -tT -s create-routes.lua URL -- API_IDS_FILE T
-- Thread n (numbered in setup()) uses the APIs at positions n, n+T, n+2T... of the file, 300
-- routes each, so threads never write the same API (wrk's math.random has the same seed in every
-- thread, so randomness would collide).
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
    apis = {}
    for index = thread_number, #all, count do
        apis[#apis + 1] = all[index]
    end
    counter = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local api = apis[math.floor(counter / 300) % #apis + 1]
    local body = string.format('{"routeKey":"GET /t%d/r%d"}', thread_number, counter)
    counter = counter + 1
    return wrk.format(nil, "/v2/apis/" .. api .. "/routes", nil, body)
end
