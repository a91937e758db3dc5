-- :Semfind {query}: search the semfind index by meaning, into the quickfix list.
-- With a range (e.g. from a visual selection) the selected text is the query's context,
-- otherwise the lines around the cursor are.
if vim.g.loaded_semfind then
  return
end
vim.g.loaded_semfind = 1

vim.api.nvim_create_user_command("Semfind", function(opts)
  require("semfind").search(opts.args, { range = opts.range, line1 = opts.line1, line2 = opts.line2 })
end, { nargs = "+", range = true, desc = "semfind: search by meaning into the quickfix list" })
