-- Run by run.sh inside `nvim --headless -u NONE`: loads the plugin, runs :Semfind twice (with
-- the cursor's context and with a range), checks the quickfix list, and quits with status 0
-- or 1. Its inputs come in environment variables, so that nothing needs Ex quoting.
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

  for _, command in ipairs({ "Semfind " .. env.query, "2,3Semfind " .. env.query }) do
    notes = {}
    vim.cmd(command)
    for _, note in ipairs(notes) do
      assert(note.level < vim.log.levels.ERROR, command .. " reported an error: " .. note.message)
    end
    local semfind = require("semfind")
    local last = semfind.last or {}
    assert(last.code == 0, command .. ": semfind exited with status " .. tostring(last.code))
    assert(vim.tbl_contains(last.argv or {}, "--context"), command .. ": no --context was passed")
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
    io.stdout:write("ok: " .. command .. " gave " .. #list .. " entries\n")
    vim.cmd("cclose")
  end
end

local ok, failure = pcall(check)
if ok then
  vim.cmd("qall!")
else
  io.stderr:write("FAIL: " .. tostring(failure) .. "\n")
  vim.cmd("cquit! 1")
end
