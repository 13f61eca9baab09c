# fish completion for journeyhack(1)
#
# Every word offered comes from the program itself (`journeyhack complete
# ...`, see journeyhack(1)): commands, options, kinds, fields, values,
# templates, export formats and the workshops in the database that -d or
# $JOURNEYHACK_DB names. This file only knows how a command line is built.

# __journeyhack_ask REQUEST...: one list from the program on the line
# ($__jh_prog), about the database it names ($__jh_db).
function __journeyhack_ask
    command $__jh_prog $__jh_db complete $argv 2>/dev/null
end

# The value of an option, given what `complete optarg` said about it;
# PREFIX goes before each offer ("--format=").
function __journeyhack_optarg -a what cmd option prefix value
    switch $what
        case file
            __fish_complete_path $value
        case templates formats reports
            printf '%s\n' $prefix(__journeyhack_ask $what)
        case choices
            printf '%s\n' $prefix(__journeyhack_ask choices $cmd $option)
    end
end

# FIELD=VALUE: the kind's field names, then the field's values.
# (the names of the people and the map in the workshop, for a reference).
function __journeyhack_field -a kind value workshop
    test -n "$kind"; or return
    if string match -q -- '*=*' $value
        set -l field (string split -m 1 -- = $value)[1]
        printf '%s\n' $field=(__journeyhack_ask values $kind $field $workshop)
    else
        printf '%s=\n' (__journeyhack_ask fields $kind)
    end
end

# An operand of cmd at position n (1 the first), the operands before it
# in argv[4..].
function __journeyhack_operand -a cmd n value
    set -l operands $argv[4..-1]
    set -l whats (__journeyhack_ask operands $cmd)
    test (count $whats) -gt 0; or return
    set -l kind
    set -l workshop
    for i in (seq (count $whats))
        if test $i -le (count $operands)
            test "$whats[$i]" = kind; and set kind $operands[$i]
            test "$whats[$i]" = workshop; and set workshop $operands[$i]
        end
    end
    # The workshop itself is set with no id: "set WS workshop dots=3".
    if test "$kind" = workshop; and set -l at (contains -i -- id $whats)
        set -e whats[$at]
    end
    set -l what
    if test $n -le (count $whats)
        set what $whats[$n]
    else if string match -q -- '*...' $whats[-1]
        set what $whats[-1]
    else
        return
    end
    switch (string replace -- ... '' $what)
        case workshop
            __journeyhack_ask workshops
        case kind
            __journeyhack_ask kinds $cmd
        case field
            __journeyhack_field "$kind" "$value" $workshop
        case file
            __fish_complete_path $value
        case templates formats reports
            __journeyhack_ask $what
    end
end

function __journeyhack_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l n (count $words)
    set -g __jh_prog $words[1]
    set -g __jh_db
    set -l i 2
    # The global options before the command.
    while test $i -le $n
        set -l w $words[$i]
        switch $w
            case '--db=*'
                set __jh_db -d (string replace -- --db= '' $w)
            case --
            case '-*'
                set -l what (__journeyhack_ask optarg - $w)
                if test -n "$what"; and test "$what" != flag
                    if test $i -eq $n
                        __journeyhack_optarg $what - $w '' "$cur"
                        return
                    end
                    if contains -- $w -d --db
                        set __jh_db -d $words[(math $i + 1)]
                    end
                    set i (math $i + 1)
                end
            case '*'
                break
        end
        set i (math $i + 1)
    end

    if test $i -gt $n
        if string match -q -- '-*' $cur
            __journeyhack_ask options
            return
        end
        # A command, or a workshop to open in the interface.
        __journeyhack_ask commands
        __journeyhack_ask workshops
        return
    end
    set -l cmd $words[$i]

    # The command's own options and operands so far.
    set -l operands
    set i (math $i + 1)
    while test $i -le $n
        set -l w $words[$i]
        if string match -q -- '-?*' $w; and not string match -q -- '*=*' $w
            set -l what (__journeyhack_ask optarg $cmd $w)
            if test -n "$what"; and test "$what" != flag
                if test $i -eq $n
                    __journeyhack_optarg $what $cmd $w '' "$cur"
                    return
                end
                set i (math $i + 1)
            end
        else if not string match -q -- '-?*' $w
            set -a operands $w
        end
        set i (math $i + 1)
    end

    if string match -q -- '--*=*' $cur
        set -l option (string split -m 1 -- = $cur)[1]
        set -l what (__journeyhack_ask optarg $cmd $option)
        set -l value (string split -m 1 -- = $cur)[2]
        __journeyhack_optarg "$what" $cmd $option $option= "$value"
        return
    end
    if string match -q -- '-*' $cur
        __journeyhack_ask options $cmd
        return
    end
    __journeyhack_operand $cmd (math (count $operands) + 1) "$cur" $operands
end

complete -c journeyhack -f -a '(__journeyhack_complete)'
