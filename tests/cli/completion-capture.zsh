#!/bin/zsh -f
# completion-capture.zsh DIR OUT LINE...: type each LINE and a Tab into
# one interactive zsh (in a pseudo-terminal, compinit loading _journeyhack
# from DIR) and write what its completion system offered for the K-th
# line to OUT.K, one match a line, and the line as the completion left
# it to OUT.K.line.
zmodload zsh/zpty || { print -u2 "zsh/zpty is missing"; exit 2 }
dir=$1 out=$2
shift 2
zpty jh zsh -f -i || { print -u2 "cannot start zsh in a pty"; exit 2 }
zpty -w jh "PS1='' RPS1='' fpath=(${(q)dir} \$fpath); unsetopt zle_bracketed_paste"
zpty -w jh 'autoload -Uz compinit && compinit -u -D'
# Every match the functions add is recorded; lookups that only collect
# matches for themselves (-O, -A, -D) pass through.
zpty -w jh 'compadd() {
  if (( ${@[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi
  local -a _jh_m; builtin compadd -O _jh_m "$@"
  (( $#_jh_m )) && print -rl -- $_jh_m >>$_jh_out
  builtin compadd "$@"
}'
zpty -w jh 'jh-dump() { print -r -- $BUFFER >$_jh_out.tmp && mv $_jh_out.tmp $_jh_out.line; BUFFER=; }'
zpty -w jh 'zle -N jh-dump; bindkey "^Xd" jh-dump; bindkey "^I" complete-word'
zpty -w jh 'zstyle ":completion:*" menu no'
k=0
for line; do
  (( k++ ))
  : >$out.$k
  zpty -w jh "_jh_out=${(q)out}.$k"
  zpty -n -w jh "$line"$'\t\C-xd'
  for (( i = 0; i < 600; i++ )); do
    [[ -e $out.$k.line ]] && break
    zpty -r -t jh junk 2>/dev/null
    sleep 0.02
  done
  [[ -e $out.$k.line ]] || { print -u2 "zsh did not complete [$line]"; zpty -d jh; exit 1 }
done
zpty -d jh
