-- Run by run.sh inside `nvim --headless -u NONE`: loads the plugin and runs :Semfind twice (with
-- the cursor's context and with a range) each way it can search: through a `semfind serve`
-- job, then through the command line when the server cannot start. Checks the quickfix list
-- and quits with status 0 or 1. Its inputs come in environment variables, so that nothing
-- needs Ex quoting.
local env = {
  plugin = os.getenv("SEMFIND_TEST_PLUGIN"),
  binary = os.getenv("SEMFIND_TEST_BINARY"),
  index = os.getenv("SEMFIND_TEST_INDEX"),
  expected = os.getenv("SEMFIND_TEST_EXPECTED"),
  query = os.getenv("SEMFIND_TEST_QUERY"),
}

local notes = {}
vim.notify = function(message, level)
  table.insert(notes, { message = message, level = level or vim.log.levels.INFO })
  io.stderr:write("notify: " .. message .. "\n")
end

-- Runs both :Semfind commands; checks that each went `via` the expected way and filled the
-- quickfix list with the expected file.
local function search_both_ways(via)
  for _, command in ipairs({ "Semfind " .. env.query, "2,3Semfind " .. env.query }) do
    notes = {}
    vim.cmd(command)
    for _, note in ipairs(notes) do
      assert(note.level < vim.log.levels.ERROR, command .. " reported an error: " .. note.message)
    end
    local last = require("semfind").last or {}
    assert(last.via == via, command .. ": searched via " .. tostring(last.via) .. ", not " .. via)
    if via == "serve" then
      assert(last.params and last.params.context, command .. ": no context was sent")
    else
      assert(last.code == 0, command .. ": semfind exited with status " .. tostring(last.code))
      assert(vim.tbl_contains(last.argv or {}, "--context"), command .. ": no --context was passed")
    end
    local list = vim.fn.getqflist()
    assert(#list > 0, command .. ": the quickfix list is empty")
    local found = false
    for _, item in ipairs(list) do
      local name = vim.api.nvim_buf_get_name(item.bufnr)
      assert(item.lnum >= 1, command .. ": an entry without a line number: " .. vim.inspect(item))
      found = found or name:find(env.expected, 1, true) ~= nil
    end
    assert(found, command .. ": no quickfix entry's file name contains " .. env.expected)
    assert(vim.fn.getqflist({ winid = 0 }).winid ~= 0, command .. ": the quickfix window is not open")
    io.stdout:write("ok: " .. command .. " via " .. via .. " gave " .. #list .. " entries\n")
    vim.cmd("cclose")
  end
end

local function check()
  vim.opt.runtimepath:prepend(env.plugin)
  vim.cmd("runtime! plugin/semfind.lua")
  assert(vim.fn.exists(":Semfind") == 2, ":Semfind is not defined after loading plugin/semfind.lua")
  vim.g.semfind_cmd = env.binary
  vim.g.semfind_index = env.index
  vim.api.nvim_buf_set_lines(0, 0, -1, false, {
    "Notes on the web servers.",
    "Disk space keeps running out on the application hosts.",
    "Something about old log files piling up in /var/log.",
  })
  vim.api.nvim_win_set_cursor(0, { 2, 0 })

  -- One server answers both searches, and stops when Neovim is about to exit.
  search_both_ways("serve")
  local server = require("semfind.server")
  local job = server.job(require("semfind").last.argv)
  assert(job and vim.fn.jobwait({ job }, 0)[1] == -1, "the server job is not running after two searches")

  -- The server's own error (here: no index) is reported as it is, not retried on the CLI.
  vim.g.semfind_index = env.index .. ".missing"
  notes = {}
  vim.cmd("Semfind " .. env.query)
  local last = require("semfind").last
  assert(last.via == "serve" and last.error, "a search of a missing index did not fail through the server")
  assert(#notes > 0 and notes[#notes].level == vim.log.levels.ERROR, "a failed search reported no error")
  io.stdout:write("ok: the server's error was reported: " .. last.error .. "\n")
  vim.g.semfind_index = env.index

  vim.cmd("doautocmd VimLeavePre")
  assert(vim.fn.jobwait({ job }, 5000)[1] ~= -1, "the server job still runs after VimLeavePre")
  io.stdout:write("ok: the server stopped on VimLeavePre\n")

  -- A semfind whose server cannot start (as one without `serve`): the command line answers.
  local refuse_serve = 'if [ "$1" = serve ]; then echo "semfind: no serve here" >&2; exit 2; fi; exec "$0" "$@"'
  vim.g.semfind_cmd = { "sh", "-c", refuse_serve, env.binary }
  search_both_ways("cli")
  local why = require("semfind").last.no_server or ""
  assert(why:find("no serve here", 1, true), "the fallback does not say why the server failed: " .. why)
end

local ok, failure = pcall(check)
if ok then
  vim.cmd("qall!")
else
  io.stderr:write("FAIL: " .. tostring(failure) .. "\n")
  vim.cmd("cquit! 1")
end
