-- wrk script: a read load over Lente's API. Random article ids (1..$ARTICLES, default 100000),
-- entity ids from the file $IDS (one per line, default entities.txt), latest articles, trending,
-- sources and authors. MODE=article or MODE=entity for one kind of page only. Prints requests/s and
-- p50/p95/p99 at the end. The entity ids can come from the store:
--   sqlite3 DIR/lente.db "SELECT id FROM kb_entities WHERE articles > 0 ORDER BY articles DESC LIMIT 1500;
--     SELECT id FROM kb_entities WHERE articles > 0 ORDER BY random() LIMIT 500" > entities.txt
--   IDS=entities.txt wrk -t2 -c16 -d45s -s bench/api-mixed.lua http://127.0.0.1:8080
local ids = {}
local f = assert(io.open(os.getenv("IDS") or "entities.txt", "r"))
for line in f:lines() do ids[#ids + 1] = line end
f:close()
local articles = tonumber(os.getenv("ARTICLES") or "100000")
local mode = os.getenv("MODE") or "mixed"
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

request = function()
  local path
  local r = math.random(100)
  if mode == "article" then r = 1 elseif mode == "entity" then r = 45 end
  if r <= 40 then
    path = "/api/v1/articles/" .. math.random(1, articles)
  elseif r <= 70 then
    local id = ids[math.random(#ids)]
    if math.random(2) == 1 and mode ~= "entity" then
      path = "/api/v1/entities/" .. id .. "/articles?limit=20"
    else
      path = "/api/v1/entities/" .. id
    end
  elseif r <= 82 then
    path = "/api/v1/articles?limit=20"
  elseif r <= 90 then
    path = "/api/v1/entities/trending?days=7&limit=20"
  elseif r <= 95 then
    path = "/api/v1/sources"
  else
    path = "/api/v1/authors"
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d), %.1f req/s\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
