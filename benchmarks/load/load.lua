-- wrk script for run-load.sh. Against /api/ask it POSTs JSON bodies rotating over the questions below
-- (government services and colloquial ones, answered, clarified and unanswerable); against any other
-- path it sends plain GETs. Either way it ends with one summary line the script greps.

local questions = {
  "我家孩子刚出生，户口怎么上？",
  "居住证怎么办理？需要带什么材料",
  "身份证丢了在哪里补办",
  "护照过期了怎么换新的",
  "失业金怎么申请，能领多久",
  "公积金提取需要什么条件",
  "异地就医怎么备案",
  "驾驶证到期换证要体检吗",
  "北京市对于因疫情影响暂停举办的展会有什么支持政策",
  "初婚未育情况证明怎么开？",
  "社保断缴了有什么影响",
  "不动产登记证明多久能拿到",
  "这种图片是用什么软件做的",
  "今天天气怎么样",
}

local bodies = {}
for i, q in ipairs(questions) do
  bodies[i] = '{"question":"' .. q .. '"}'
end

local counter = 0
local ask = wrk.path == "/api/ask"

if ask then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- Each thread starts at a different question so the two threads do not ask in lock-step.
function setup(thread)
  thread:set("counter", math.random(0, #questions - 1))
end

function request()
  if not ask then
    return wrk.format()
  end
  counter = counter + 1
  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "SUMMARY %s requests=%d rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms non2xx=%d socketErrors=%d\n",
    wrk.path, summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
