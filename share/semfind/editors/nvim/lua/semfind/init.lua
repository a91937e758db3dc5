-- semfind for Neovim 0.7 or later: `:Semfind {query}` asks a `semfind serve --stdio` job kept
-- running per index (the model stays loaded), or runs `semfind search --json` when that server
-- cannot start or fails, and puts the results in the quickfix list. Settings (all optional):
--   vim.g.semfind_cmd            program, or list of program and arguments ("semfind")
--   vim.g.semfind_index          index database, passed as --index
--   vim.g.semfind_limit          how many results, passed as -k
--   vim.g.semfind_context_lines  lines on either side of the cursor read as context (3)
--   vim.g.semfind_serve          false: always run the command line, never a server
--   vim.g.semfind_timeout_ms     how long to wait for the server's answer (30000)
local M = {}
local server = require("semfind.server")

-- The version of share/semfind/schema/search.schema.json this file reads.
M.schema_version = 2

-- A single argument may not exceed 128 KiB on Linux; the model reads far less anyway.
local max_context_bytes = 4096

local function notify(message, level)
  vim.notify("semfind: " .. message, level)
end

-- `text` cut to at most `limit` bytes, on a UTF-8 character boundary.
local function cut(text, limit)
  if #text <= limit then
    return text
  end
  local stop = limit
  while stop > 0 and text:byte(stop + 1) >= 0x80 and text:byte(stop + 1) < 0xC0 do
    stop = stop - 1
  end
  return text:sub(1, stop)
end

-- The text a short query is read with: the range's lines (just the selected characters after
-- a characterwise visual selection), else the lines around the cursor. Nil when blank.
function M.context(opts)
  opts = opts or {}
  local ranged = (opts.range or 0) > 0
  local first, last
  if ranged then
    first, last = opts.line1, opts.line2
  else
    local around = vim.g.semfind_context_lines or 3
    local cursor = vim.api.nvim_win_get_cursor(0)[1]
    first = math.max(1, cursor - around)
    last = math.min(vim.api.nvim_buf_line_count(0), cursor + around)
  end
  local lines = vim.api.nvim_buf_get_lines(0, first - 1, last, false)
  if ranged and #lines > 0 and vim.fn.visualmode() == "v" then
    local from, to = vim.fn.getpos("'<"), vim.fn.getpos("'>")
    if from[2] == first and to[2] == last then
      local line = lines[#lines]
      -- Keep the whole of the last selected character, however many bytes it has.
      lines[#lines] = line:sub(1, to[3]) .. (line:sub(to[3] + 1):match("^[\128-\191]*") or "")
      lines[1] = lines[1]:sub(from[3])
    end
  end
  local text = table.concat(lines, "\n")
  if text:match("^%s*$") then
    return nil
  end
  return cut(text, max_context_bytes)
end

-- The program and its leading arguments, from g:semfind_cmd.
local function command()
  local cmd = vim.g.semfind_cmd or "semfind"
  return type(cmd) == "table" and vim.deepcopy(cmd) or { cmd }
end

-- The index given in g:semfind_index, expanded; nil for semfind's default.
local function index_path()
  return vim.g.semfind_index and vim.fn.expand(vim.g.semfind_index) or nil
end

-- The argument list for a search: no shell, so the query needs no quoting.
function M.argv(query, context)
  local argv = command()
  vim.list_extend(argv, { "search", "--json", "--no-session" })
  if index_path() then
    vim.list_extend(argv, { "--index", index_path() })
  end
  if vim.g.semfind_limit then
    vim.list_extend(argv, { "-k", tostring(vim.g.semfind_limit) })
  end
  if context then
    vim.list_extend(argv, { "--context", context })
  end
  vim.list_extend(argv, { "--", query })
  return argv
end

-- Runs argv; returns its stdout lines, its stderr lines and its exit status.
local function run(argv)
  if vim.system then
    local done = vim.system(argv, { text = true }):wait()
    local split = { plain = true, trimempty = true }
    return vim.split(done.stdout or "", "\n", split), vim.split(done.stderr or "", "\n", split), done.code
  end
  -- Before 0.10, systemlist() runs a list without a shell but mixes stderr into its lines;
  -- semfind's JSON lines are the ones that start with "{".
  local out, err = {}, {}
  for _, line in ipairs(vim.fn.systemlist(argv)) do
    table.insert(line:sub(1, 1) == "{" and out or err, line)
  end
  return out, err, vim.v.shell_error
end

-- A quickfix item for one result message.
function M.item(result)
  local text = (result.snippet:gsub("%s+", " "))
  if #result.heading_path > 0 then
    text = table.concat(result.heading_path, " › ") .. ": " .. text
  end
  if result.stale then
    text = "[changed since indexed] " .. text
  end
  if result.page_start then
    text = "[p" .. result.page_start .. "] " .. text
  end
  return {
    filename = result.absolute_path,
    lnum = result.first_line,
    end_lnum = result.last_line,
    col = 1,
    text = text,
  }
end

-- Both ways of searching return what they found as a table: `begin`, `warnings`, `results` and
-- `summary` as the server's search result holds them, or `error`; `notes` are stray lines of
-- output to show as a warning.

-- Asks the index's server. Returns nil and why when there is no server to ask.
local function search_server(query, context)
  if vim.g.semfind_serve == false then
    return nil, "g:semfind_serve is false"
  end
  local argv = command()
  vim.list_extend(argv, { "serve", "--stdio" })
  if index_path() then
    vim.list_extend(argv, { "--index", index_path() })
  end
  local params = { query = query, limit = vim.g.semfind_limit, context = context }
  local timeout = vim.g.semfind_timeout_ms or 30000
  local reply, failure = server.call(argv, "search", params, timeout)
  if not reply then
    return nil, failure
  end
  M.last = { via = "serve", argv = argv, params = params }
  if type(reply.result) ~= "table" then
    local message = type(reply.error) == "table" and reply.error.message or "the server's answer has no result"
    return { error = message, notes = {} }
  end
  local result = reply.result
  return {
    begin = result.begin,
    warnings = result.warnings or {},
    results = result.results or {},
    summary = result.summary,
    notes = {},
  }
end

-- Runs `semfind search --json` and reads its JSON lines.
local function search_cli(query, context)
  local argv = M.argv(query, context)
  local out, err, code = run(argv)
  M.last = { via = "cli", argv = argv, code = code }
  local found = { warnings = {}, results = {}, notes = err }
  for _, line in ipairs(out) do
    local ok, message = pcall(vim.json.decode, line)
    if not ok or type(message) ~= "table" or type(message.data) ~= "table" then
      table.insert(err, line)
    elseif message.type == "begin" then
      found.begin = message.data
    elseif message.type == "warning" then
      table.insert(found.warnings, message.data.message)
    elseif message.type == "result" then
      table.insert(found.results, message.data)
    elseif message.type == "summary" then
      found.summary = message.data
    end
  end
  if (code ~= 0 and code ~= 1) or not found.summary then
    local reason = #err > 0 and table.concat(err, "\n") or ("exited with status " .. code)
    return { error = (reason:gsub("^semfind: ", "")), notes = {} }
  end
  return found
end

-- Searches, fills the quickfix list and opens it. Returns the items, or nil on an error.
-- How the last search went is kept in M.last (`via` is "serve" or "cli").
function M.search(query, opts)
  local program = command()[1]
  if vim.fn.executable(program) ~= 1 then
    notify("cannot run " .. program .. "; install semfind or set g:semfind_cmd", vim.log.levels.ERROR)
    return nil
  end
  local context = M.context(opts)
  local found, no_server = search_server(query, context)
  if not found then
    found = search_cli(query, context)
    M.last.no_server = no_server
  end
  M.last.begin, M.last.summary, M.last.error = found.begin, found.summary, found.error
  M.last.items = {}
  if found.error then
    notify(found.error, vim.log.levels.ERROR)
    return nil
  end
  for _, warning in ipairs(found.warnings) do
    notify(warning, vim.log.levels.WARN)
  end
  if #found.notes > 0 then
    notify(table.concat(found.notes, "\n"), vim.log.levels.WARN)
  end
  if found.begin and found.begin.schema_version ~= M.schema_version then
    local version = tostring(found.begin.schema_version)
    notify("unknown output version " .. version .. "; update the plugin", vim.log.levels.WARN)
  end
  local items = M.last.items
  for _, result in ipairs(found.results) do
    table.insert(items, M.item(result))
  end
  vim.fn.setqflist({}, " ", { title = "semfind " .. query, items = items })
  if #items == 0 then
    notify("nothing found for " .. query, vim.log.levels.INFO)
    return items
  end
  if ((found.summary or {}).vanished or 0) > 0 then
    notify(found.summary.vanished .. " indexed file(s) no longer exist; run semfind index", vim.log.levels.WARN)
  end
  vim.cmd("botright copen")
  return items
end

return M
