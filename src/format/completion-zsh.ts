/**
 * Zsh completion, working as an autoloaded `_ladder` in $fpath or when sourced. Candidates come from
 * `ladder __complete`; with none (a folder after --ladder) it offers files. compadd quotes what it inserts
 * (no -Q), so a candidate is only ever text on the command line.
 */
export function zshCompletion(): string {
  return `#compdef ladder
# zsh completion for ladder
# Install: ladder completion zsh > "\${fpath[1]}/_ladder"   (then start a new shell)
# or add to ~/.zshrc after compinit:   source <(ladder completion zsh)
_ladder() {
  local -a candidates
  candidates=("\${(@f)$(ladder __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=("\${(@)candidates:#}")
  if (( \${#candidates} )); then
    compadd -a candidates
  else
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _ladder "$@"
else
  compdef _ladder ladder
fi
`;
}
