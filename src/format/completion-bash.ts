/**
 * Bash completion: every TAB asks `ladder __complete` for the candidates at the cursor (commands,
 * flags, role ids), so the script never holds a copy of the command list. Bash filters by prefix;
 * with no candidate (a folder after --ladder) `-o default` falls back to file names.
 */
export function bashCompletion(): string {
  return `# bash completion for ladder
# Install: add to ~/.bashrc:   source <(ladder completion bash)
# or save it:                  ladder completion bash > ~/.local/share/bash-completion/completions/ladder
_ladder_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  local IFS=$'\\n'
  local candidates
  candidates=$(ladder __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _ladder_complete ladder
`;
}
