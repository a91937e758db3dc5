-- `semfind serve --stdio` jobs, one per index, started on first use and stopped when Neovim
-- exits: newline-delimited JSON-RPC 2.0 over the job's stdin and stdout.
local M = {}

-- Running jobs by their command line (which names the index): { id, replies, partial,
-- next_id, answered, exited, stderr }. A job has one request in flight at a time, and serve
-- answers in order, so the next response line is the answer (even one whose id is null, such
-- as the parse error for a request that was not valid JSON).
local jobs = {}
-- Command lines whose server could not start, with the reason: later searches skip straight to
-- the command line.
local broken = {}

-- Keeps each complete line of output that is a JSON object, in order.
local function on_stdout(job, data)
  job.partial = job.partial .. data[1]
  for i = 2, #data do
    local ok, message = pcall(vim.json.decode, job.partial)
    if ok and type(message) == "table" then
      table.insert(job.replies, message)
    end
    job.partial = data[i]
  end
end

local function start(argv)
  local job = { replies = {}, partial = "", next_id = 0, stderr = {} }
  local ok, id = pcall(vim.fn.jobstart, argv, {
    on_stdout = function(_, data)
      on_stdout(job, data)
    end,
    on_stderr = function(_, data)
      for _, line in ipairs(data) do
        if line ~= "" then
          table.insert(job.stderr, line)
        end
      end
    end,
    on_exit = function(_, code)
      job.exited = code
    end,
  })
  if not ok or id <= 0 then
    return nil
  end
  job.id = id
  return job
end

-- Why the job ended, from what it printed on stderr.
local function exit_reason(job)
  local last = job.stderr[#job.stderr]
  return last and (last:gsub("^semfind: ", "")) or ("the server exited with status " .. job.exited)
end

-- Sends one request to the server that `argv` starts (started now if need be) and waits for
-- its response. Returns the response (which holds `result` or `error`), or nil and why the
-- server could not answer: then the caller falls back to the command line.
function M.call(argv, method, params, timeout_ms)
  local key = table.concat(argv, "\0")
  if broken[key] then
    return nil, broken[key]
  end
  local job = jobs[key]
  if not job then
    job = start(argv)
    if not job then
      broken[key] = "cannot start " .. table.concat(argv, " ")
      return nil, broken[key]
    end
    jobs[key] = job
  end
  job.next_id = job.next_id + 1
  job.replies = {}
  local request = vim.json.encode({ jsonrpc = "2.0", id = job.next_id, method = method, params = params })
  if job.exited == nil then
    pcall(vim.fn.chansend, job.id, request .. "\n")
  end
  vim.wait(timeout_ms, function()
    return #job.replies > 0 or job.exited ~= nil
  end, 10)
  local reply = job.replies[1]
  if reply then
    job.answered = true
    return reply
  end
  jobs[key] = nil
  if job.exited == nil then
    vim.fn.jobstop(job.id)
    return nil, "no answer from the server in " .. timeout_ms .. " ms"
  end
  local reason = exit_reason(job)
  if not job.answered then
    broken[key] = reason
  end
  return nil, reason
end

-- The job id of the running server that `argv` starts, if any.
function M.job(argv)
  local job = jobs[table.concat(argv, "\0")]
  return job and job.id
end

function M.stop_all()
  for key, job in pairs(jobs) do
    vim.fn.jobstop(job.id)
    jobs[key] = nil
  end
end

vim.api.nvim_create_autocmd("VimLeavePre", {
  group = vim.api.nvim_create_augroup("semfind_servers", { clear = true }),
  callback = M.stop_all,
  desc = "semfind: stop the search servers",
})

return M
