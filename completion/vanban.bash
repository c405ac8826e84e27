# bash completion for the vanban tools: vb-render, vb-norm, vb-khenthuong,
# vb-sotien and vb-baocao.
#
# Install as /usr/share/bash-completion/completions/vb-render (and a link
# of that name for every tool), or source it from ~/.bashrc:
#	. /path/to/vanban/completion/vanban.bash
#
# Options complete by name; option values complete where they are a
# closed set (encodings, periods, rounding, order, formats) or a file or
# folder; "--opt=value" and "--opt value" are both understood.  Works
# with or without the bash-completion package.

_vanban_encodings='utf-8 utf-16 utf-16le utf-16be cp1258 windows-1258 tcvn3'

# Sets cur, prev and _vb_pfx (the text to put back before each value when
# the word was "--opt=value" and "=" does not break words) from the
# words bash gives.
_vanban_words()
{
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	_vb_pfx=
	if [ "$COMP_CWORD" -gt 0 ]; then
		prev=${COMP_WORDS[COMP_CWORD-1]}
	fi
	# With "=" in COMP_WORDBREAKS, "--opt=val" arrives as "--opt" "=" "val".
	if [ "$cur" = "=" ]; then
		cur=
	elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 1 ]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
		_vb_pfx=$prev=
	fi
}

# Appends the lines a command prints to COMPREPLY (no word splitting nor
# globbing of file names).
_vanban_add()
{
	mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <("$@")
}

# Adds the words of $1 that start with $cur.
_vanban_list()
{
	_vanban_add compgen -W "$1" -- "$cur"
}

# Adds file names ending in one of the extensions of $1 (in either case)
# and folders; any file when $1 is empty or no file name matches.
_vanban_files()
{
	local e n exts
	compopt -o filenames 2>/dev/null
	n=${#COMPREPLY[@]}
	IFS=' ' read -r -a exts <<<"$1"
	for e in "${exts[@]}"; do
		_vanban_add compgen -f -X "!*.$e" -- "$cur"
		_vanban_add compgen -f -X "!*.${e^^}" -- "$cur"
	done
	if [ ${#COMPREPLY[@]} -gt "$n" ]; then
		_vanban_add compgen -d -- "$cur"
	else
		_vanban_add compgen -f -- "$cur"
	fi
}

# Adds folders.
_vanban_dirs()
{
	compopt -o filenames 2>/dev/null
	_vanban_add compgen -d -- "$cur"
}

# Completes the value of option $1 (values shared by the tools); returns
# 1 when $1 takes no value.
_vanban_value()
{
	case $1 in
	-f|--encoding)
		_vanban_list "$_vanban_encodings" ;;
	-o|--output)
		_vanban_files '' ;;
	-d|--output-dir|--templates|--data|--fonts|--font-dir)
		_vanban_dirs ;;
	-j|--jobs)
		_vanban_list "$(seq 1 "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 4)" 2>/dev/null)" ;;
	--ngay)
		_vanban_list "$(date +%Y-%m-%d)" ;;
	--so|--luong-co-so|--phong-trao|--nam|--sheet)
		;;	# free text: nothing to offer
	--lam-tron)
		_vanban_list 'len gan' ;;
	--sap-xep)
		_vanban_list 'nhap ten don-vi' ;;
	--config|--don-vi)
		_vanban_files 'yaml yml csv' ;;
	--template)
		_vanban_files 'md' ;;
	--ky)
		_vanban_list 'Q1 Q2 Q3 Q4 6T NAM' ;;
	--to)
		_vanban_list 'pdf docx pdf,docx' ;;
	--gop)
		_vanban_files 'pdf' ;;
	--lang)
		_vanban_list 'vi en' ;;
	*)
		return 1 ;;
	esac
	return 0
}

# The common body: $1 options taking a value (separate word allowed),
# $2 every option, $3 the extensions of the file operands ("-": the
# operands are not files).
_vanban_complete()
{
	local cur prev _vb_pfx i
	COMPREPLY=()
	_vanban_words
	if [ -n "$_vb_pfx" ] || [[ " $1 " == *" $prev "* ]]; then
		_vanban_value "$prev"
		if [ -n "$_vb_pfx" ]; then
			for i in "${!COMPREPLY[@]}"; do
				COMPREPLY[i]=$_vb_pfx${COMPREPLY[i]}
			done
		fi
		return 0
	fi
	# "-fcp1258": a short option with its value attached.
	if [[ $cur == -f?* && " $1 " == *" -f "* ]]; then
		local p=-f
		cur=${cur#-f}
		_vanban_value -f
		for i in "${!COMPREPLY[@]}"; do
			COMPREPLY[i]=$p${COMPREPLY[i]}
		done
		return 0
	fi
	if [[ $cur == -* ]]; then
		_vanban_list "$2"
	elif [ "$3" != - ]; then
		_vanban_files "$3"
	fi
}

_vb_render()
{
	_vanban_complete \
	    '-o --output -d --output-dir -j --jobs -f --encoding --fonts --to
	     --gop' \
	    '-h --help -V --version -o --output -d --output-dir -j --jobs
	     -q --quiet -f --encoding --dump-layout --fonts --to --gop' \
	    'md'
}

_vb_norm()
{
	_vanban_complete \
	    '-o --output -f --encoding' \
	    '-h --help -V --version -o --output -f --encoding' \
	    ''
}

_vb_sotien()
{
	_vanban_complete \
	    '-o --output' \
	    '-h --help -V --version --le --bon --khong-dong -o --output' \
	    -
}

_vb_khenthuong()
{
	_vanban_complete \
	    '-d --output-dir -o --output -j --jobs --ngay --so --luong-co-so
	     --lam-tron --phong-trao --sap-xep --config --template --templates
	     --data -f --encoding --fonts --font-dir --so-vang --gop' \
	    '-h --help -V --version -d --output-dir -o --output --pdf -j --jobs
	     -q --quiet --ngay --so --du-thao --luong-co-so --lam-tron
	     --phong-trao --sap-xep --config --template --templates -f
	     --encoding --fonts --phoi --phoi-can --phoi-nen= --so-vang
	     --dump-layout --gop' \
	    'csv xlsx xls'
}

_vb_baocao()
{
	_vanban_complete \
	    '-d --output-dir -o --output -j --jobs --ky --nam --don-vi --sheet
	     --lang --template --templates -f --encoding --fonts --ngay
	     --config --khen-thuong --han --khoi-tao --gop' \
	    '-h --help -V --version -d --output-dir -o --output --pdf --docx
	     -j --jobs -q --quiet --ky --nam --mau --mau-csv --don-vi --sheet
	     --lang --template --templates -f --encoding --fonts --ngay
	     --config --khen-thuong --han --du-thao --khoi-tao --gop' \
	    'csv xlsx xls md'
}

complete -F _vb_render vb-render
complete -F _vb_norm vb-norm
complete -F _vb_sotien vb-sotien
complete -F _vb_khenthuong vb-khenthuong
complete -F _vb_baocao vb-baocao
