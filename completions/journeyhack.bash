# bash completion for journeyhack(1)                      -*- shell-script -*-
# shellcheck shell=bash
#
# Every word offered comes from the program itself (`journeyhack complete
# ...`, see journeyhack(1)): commands, options, kinds, fields, values,
# templates, export formats and the workshops in the database that -d or
# $JOURNEYHACK_DB names. This file only knows how a command line is built.

# Remove the shell quoting from a typed word without running it: a word
# being completed may hold $(...) that must not be executed.
_journeyhack_unquote()
{
    local w=$1 out=""
    case $w in
        \'*)
            w=${w#\'}
            REPLY=${w%\'}
            return
            ;;
        \"*)
            w=${w#\"}
            w=${w%\"}
            ;;
    esac
    while [[ $w ]]; do
        if [[ ${w:0:1} == \\ ]]; then
            out+=${w:1:1}
            w=${w:2}
        else
            out+=${w:0:1}
            w=${w:1}
        fi
    done
    REPLY=$out
}

# Ask the program for one list; fills _jh_list, one word an element.
_journeyhack_ask()
{
    _jh_list=()
    local line
    while IFS= read -r line; do
        _jh_list+=("$line")
    done < <("$_jh_prog" "${_jh_db[@]}" complete "$@" 2>/dev/null)
}

# Offer the words of _jh_list that start with $1 (already unquoted),
# quoted for the command line unless the word was opened with a quote
# (readline then closes it). $2 is appended to each (a field's "="),
# $_jh_pre put before each (what readline replaces along with the word).
_journeyhack_offer()
{
    local prefix=$1 suffix=${2-} quoted=$3 w q
    for w in "${_jh_list[@]}"; do
        [[ $w == "$prefix"* ]] || continue
        if [[ $quoted ]]; then
            COMPREPLY+=("$_jh_pre$w$suffix")
        else
            printf -v q '%q' "$w"
            COMPREPLY+=("$_jh_pre$q$suffix")
        fi
    done
}

# Complete the value of an option: $1 is what `complete optarg` said.
_journeyhack_optarg()
{
    local what=$1 value=$2 quoted=$3
    case $what in
        file) _filedir ;;
        templates | formats | reports)
            _journeyhack_ask "$what"
            _journeyhack_offer "$value" "" "$quoted"
            ;;
        choices)
            _journeyhack_ask choices "$_jh_cmd" "$4"
            _journeyhack_offer "$value" "" "$quoted"
            ;;
    esac
}

# Complete an operand of $_jh_cmd; $1 is its position (0 the first).
_journeyhack_operand()
{
    local n=$1 value=$2 quoted=$3 what kind="" workshop="" i
    local -a whats=()
    _journeyhack_ask operands "$_jh_cmd"
    whats=("${_jh_list[@]}")
    ((${#whats[@]})) || return
    for ((i = 0; i < ${#whats[@]} && i < ${#_jh_operands[@]}; i++)); do
        [[ ${whats[i]} == kind ]] && kind=${_jh_operands[i]}
        [[ ${whats[i]} == workshop ]] && workshop=${_jh_operands[i]}
    done
    # The workshop itself is set with no id: "set WS workshop dots=3".
    if [[ $kind == workshop ]]; then
        for ((i = 0; i < ${#whats[@]}; i++)); do
            [[ ${whats[i]} == id ]] && { whats=("${whats[@]:0:i}" "${whats[@]:i+1}"); break; }
        done
    fi
    if ((n < ${#whats[@]})); then
        what=${whats[n]}
    else
        what=${whats[${#whats[@]} - 1]}
        [[ $what == *... ]] || return
    fi
    case ${what%...} in
        workshop)
            _journeyhack_ask workshops
            _journeyhack_offer "$value" "" "$quoted"
            ;;
        kind)
            _journeyhack_ask kinds "$_jh_cmd"
            _journeyhack_offer "$value" "" "$quoted"
            ;;
        field) _journeyhack_field "$kind" "$value" "$quoted" "$workshop" ;;
        file) _filedir ;;
        templates | formats | reports)
            _journeyhack_ask "${what%...}"
            _journeyhack_offer "$value" "" "$quoted"
            ;;
    esac
}

# readline replaces only what follows "=" when "=" breaks words, as it
# does unless the user took it out of COMP_WORDBREAKS: then the text
# before it ($1) must be offered too.
_journeyhack_breaks_at_equals()
{
    [[ $COMP_WORDBREAKS == *=* ]] || _jh_pre=$1
}

# FIELD=VALUE: the kind's field names, then the field's values (the
# names of the people and the map in the workshop, for a reference).
_journeyhack_field()
{
    local kind=$1 value=$2 quoted=$3 workshop=$4
    [[ $kind ]] || return
    if [[ $value == *=* ]]; then
        _journeyhack_breaks_at_equals "${value%%=*}="
        _journeyhack_ask values "$kind" "${value%%=*}" ${workshop:+"$workshop"}
        # The value may be quoted on its own: field="Receive in
        value=${cur#*=}
        [[ $value == [\"\']* ]] && quoted=1
        _journeyhack_unquote "$value"
        _journeyhack_offer "$REPLY" "" "$quoted"
    else
        _journeyhack_ask fields "$kind"
        _journeyhack_offer "$value" "=" "$quoted"
        compopt -o nospace 2>/dev/null
    fi
}

_journeyhack()
{
    # prev is set by _init_completion; the words before it are read instead.
    # shellcheck disable=SC2034
    local cur prev words cword
    _init_completion -n =: || return

    local _jh_prog _jh_cmd="" _jh_pre="" REPLY quoted="" value what i w
    local -a _jh_db=() _jh_list=() _jh_operands=()
    _journeyhack_unquote "${words[0]}"
    _jh_prog=$REPLY
    [[ $cur == [\"\']* ]] && quoted=1
    _journeyhack_unquote "$cur"
    value=$REPLY

    # The global options before the command.
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        case $w in
            --db=*)
                _journeyhack_unquote "${w#--db=}"
                _jh_db=(-d "$REPLY")
                ;;
            --) ;;
            -*)
                _journeyhack_ask optarg - "$w"
                [[ ${_jh_list[0]-flag} == flag ]] && continue
                if ((i + 1 == cword)); then
                    _journeyhack_optarg "${_jh_list[0]}" "$value" "$quoted"
                    return
                fi
                if [[ $w == -d || $w == --db ]]; then
                    _journeyhack_unquote "${words[i + 1]}"
                    _jh_db=(-d "$REPLY")
                fi
                ((i++))
                ;;
            *) break ;;
        esac
    done

    if ((i >= cword)); then
        if [[ $cur == -* ]]; then
            _journeyhack_ask options
            _journeyhack_offer "$value" "" ""
            return
        fi
        # A command, or a workshop to open in the interface.
        _journeyhack_ask commands
        _journeyhack_offer "$value" "" "$quoted"
        _journeyhack_ask workshops
        _journeyhack_offer "$value" "" "$quoted"
        return
    fi
    _jh_cmd=${words[i]}

    # The command's own options and operands so far.
    for ((i++; i < cword; i++)); do
        w=${words[i]}
        if [[ $w == -?* && $w != *=* ]]; then
            _journeyhack_ask optarg "$_jh_cmd" "$w"
            [[ ${_jh_list[0]-flag} == flag ]] && continue
            if ((i + 1 == cword)); then
                _journeyhack_optarg "${_jh_list[0]}" "$value" "$quoted" "$w"
                return
            fi
            ((i++))
        elif [[ $w != -?* ]]; then
            _journeyhack_unquote "$w"
            _jh_operands+=("$REPLY")
        fi
    done

    if [[ $cur == --*=* ]]; then
        _journeyhack_ask optarg "$_jh_cmd" "${cur%%=*}"
        _journeyhack_breaks_at_equals "${cur%%=*}="
        cur=${cur#*=}
        _journeyhack_optarg "${_jh_list[0]-}" "${value#*=}" "" "${cur%%=*}"
        return
    fi
    if [[ $cur == -* ]]; then
        _journeyhack_ask options "$_jh_cmd"
        _journeyhack_offer "$value" "" ""
        return
    fi
    _journeyhack_operand "${#_jh_operands[@]}" "$value" "$quoted"
}

complete -F _journeyhack journeyhack
