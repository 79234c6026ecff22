-- wrk script: the reader's pages over random ids, one kind or a mix.
-- Environment: KIND = article | entity | home | search | source | mix (default mix),
-- ARTICLES, ENTITIES, SOURCES = how many of each the store holds (ids 1..N).
-- Prints p50/p95/p99 latency and the request rate at the end.
local kind = os.getenv("KIND") or "mix"
local articles = tonumber(os.getenv("ARTICLES") or "1000")
local entities = tonumber(os.getenv("ENTITIES") or "1000")
local sources = tonumber(os.getenv("SOURCES") or "10")
local words = {"governo", "accordo", "Siria", "vertice", "sanzioni", "presidente", "Roma", "tregua", "ministro", "missili"}

local function path(k)
  if k == "article" then return "/articles/" .. math.random(1, articles) end
  if k == "entity" then return "/entities/" .. math.random(1, entities) end
  if k == "home" then return "/" end
  if k == "search" then return "/search?q=" .. words[math.random(1, #words)] end
  if k == "source" then return "/sources/" .. math.random(1, sources) end
  -- mix: mostly articles and entities, as readers arrive from links and feeds
  local r = math.random(1, 100)
  if r <= 45 then return path("article") end
  if r <= 75 then return path("entity") end
  if r <= 85 then return path("home") end
  if r <= 95 then return path("search") end
  return path("source")
end

function setup(thread)
  thread:set("seed", math.random(1, 1e9))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  return wrk.format("GET", path(kind), {["Accept-Language"] = "it"})
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("kind=%s requests=%d errors=%d (status>399: %d) rate=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms\n",
    kind, summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
