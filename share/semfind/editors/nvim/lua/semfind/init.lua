-- semfind for Neovim 0.7 or later: `:Semfind {query}` runs `semfind search --json` and puts
-- the results in the quickfix list. Settings (all optional):
--   vim.g.semfind_cmd            program, or list of program and arguments ("semfind")
--   vim.g.semfind_index          index database, passed as --index
--   vim.g.semfind_limit          how many results, passed as -k
--   vim.g.semfind_context_lines  lines on either side of the cursor read as context (3)
local M = {}

-- The version of share/semfind/schema/search.schema.json this file reads.
M.schema_version = 1

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

-- The argument list for a search: no shell, so the query needs no quoting.
function M.argv(query, context)
  local cmd = vim.g.semfind_cmd or "semfind"
  local argv = type(cmd) == "table" and vim.deepcopy(cmd) or { cmd }
  vim.list_extend(argv, { "search", "--json", "--no-session" })
  if vim.g.semfind_index then
    vim.list_extend(argv, { "--index", vim.fn.expand(vim.g.semfind_index) })
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
  return {
    filename = result.absolute_path,
    lnum = result.first_line,
    end_lnum = result.last_line,
    col = 1,
    text = text,
  }
end

-- Searches, fills the quickfix list and opens it. Returns the items, or nil on an error.
-- What the last search printed is kept in M.last.
function M.search(query, opts)
  local argv = M.argv(query, M.context(opts))
  if vim.fn.executable(argv[1]) ~= 1 then
    notify("cannot run " .. argv[1] .. "; install semfind or set g:semfind_cmd", vim.log.levels.ERROR)
    return nil
  end
  local out, err, code = run(argv)
  local items, begin, summary = {}, nil, nil
  for _, line in ipairs(out) do
    local ok, message = pcall(vim.json.decode, line)
    if not ok or type(message) ~= "table" or type(message.data) ~= "table" then
      table.insert(err, line)
    elseif message.type == "begin" then
      begin = message.data
    elseif message.type == "warning" then
      notify(message.data.message, vim.log.levels.WARN)
    elseif message.type == "result" then
      table.insert(items, M.item(message.data))
    elseif message.type == "summary" then
      summary = message.data
    end
  end
  M.last = { argv = argv, begin = begin, summary = summary, items = items, code = code, stderr = err }
  if (code ~= 0 and code ~= 1) or not summary then
    local reason = #err > 0 and table.concat(err, "\n") or ("exited with status " .. code)
    notify((reason:gsub("^semfind: ", "")), vim.log.levels.ERROR)
    return nil
  end
  if #err > 0 then
    notify(table.concat(err, "\n"), vim.log.levels.WARN)
  end
  if begin and begin.schema_version ~= M.schema_version then
    local version = tostring(begin.schema_version)
    notify("unknown output version " .. version .. "; update the plugin", vim.log.levels.WARN)
  end
  vim.fn.setqflist({}, " ", { title = "semfind " .. query, items = items })
  if #items == 0 then
    notify("nothing found for " .. query, vim.log.levels.INFO)
    return items
  end
  if (summary.vanished or 0) > 0 then
    notify(summary.vanished .. " indexed file(s) no longer exist; run semfind index", vim.log.levels.WARN)
  end
  vim.cmd("botright copen")
  return items
end

return M
