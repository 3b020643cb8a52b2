/**
 * Bash completion: every TAB asks `ladder __complete` for the candidates at the cursor (commands,
 * flags, role ids), so the script never holds a copy of the command list. Candidates are read line by
 * line and kept by a plain prefix comparison: never through `compgen -W`, which would expand a `$(…)`
 * in a candidate (a role id comes from a file anyone can edit). With no candidate (a folder after
 * --ladder) `-o default` falls back to file names.
 */
export function bashCompletion(): string {
  return `# bash completion for ladder
# Install: add to ~/.bashrc:   source <(ladder completion bash)
# or save it:                  ladder completion bash > ~/.local/share/bash-completion/completions/ladder
_ladder_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  local candidate
  COMPREPLY=()
  while IFS= read -r candidate; do
    [[ $candidate == "$cur"* ]] && COMPREPLY+=("$candidate")
  done < <(ladder __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  return 0
}
complete -o default -F _ladder_complete ladder
`;
}
