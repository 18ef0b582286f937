-- wrk script: GET a path chosen at random from a file of paths, one per line.
-- Usage: wrk -s get-random.lua URL -- PATHS_FILE
-- Each thread seeds its generator with its own number so threads do not walk the same sequence.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do
        paths[#paths + 1] = line
    end
    math.randomseed(thread_number * 7919)
end

function request()
    return wrk.format("GET", paths[math.random(#paths)])
end
