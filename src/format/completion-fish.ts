/** Fish completion: candidates for the words typed so far come from `ladder __complete`. */
export function fishCompletion(): string {
  return `# fish completion for ladder
# Install: ladder completion fish > ~/.config/fish/completions/ladder.fish
function __ladder_complete
    set -l typed (commandline -opc)
    set -l current (commandline -ct)
    # The current token goes last, quoted so an empty one still counts as a word.
    ladder __complete -- $typed[2..-1] "$current" 2>/dev/null
end
complete -c ladder -f -a '(__ladder_complete)'
`;
}
