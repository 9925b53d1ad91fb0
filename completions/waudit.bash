# bash completion for waudit. Installed as share/bash-completion/completions/waudit, where
# bash-completion loads it on first use; or source it from ~/.bashrc. Needs nothing but bash.
# Candidates are read with mapfile, one per line, so file names with spaces stay whole.

_waudit_scan_options="--help --format --output --csv-dialect --show-values --fail-on
  --date-order --jobs --config --quiet --color --rules --fingerprint-key-file --baseline
  --ignore-file --key-file --timezone --ocr --ocr-cache --min-confidence --max-entry-size
  --max-ratio --max-entries --max-depth --max-nested-size --max-line"

# _waudit_words WORDS CURRENT: the words that start with CURRENT.
_waudit_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# _waudit_files CURRENT: files and folders.
_waudit_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

# _waudit_zones CURRENT: zone names under the zoneinfo folder, one folder at a time
# (Europe/, then Europe/Berlin).
_waudit_zones() {
  local zoneinfo=${TZDIR:-/usr/share/zoneinfo} path
  while IFS= read -r path; do
    [[ -d $path ]] && path+=/
    COMPREPLY+=("${path#"$zoneinfo"/}")
  done < <(compgen -f -- "$zoneinfo/$1")
  compopt -o nospace 2>/dev/null
}

_waudit() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()
  # bash splits --format=json at the '=': complete the value of the option before it.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  if ((COMP_CWORD == 1)); then
    _waudit_words "scan rules --help --version" "$cur"
    return
  fi
  case ${COMP_WORDS[1]} in
    scan) _waudit_scan "$cur" "$prev" ;;
    rules) _waudit_rules "$cur" "$prev" ;;
  esac
}

# _waudit_rules CURRENT PREVIOUS: `waudit rules [--format F] [--rules PACK]` and
# `waudit rules check PACK...`.
_waudit_rules() {
  local cur=$1 prev=$2
  case $prev in
    --format) _waudit_words "text json" "$cur" ;;
    --rules) _waudit_files "$cur" ;;
    *)
      if [[ $cur == -* ]]; then
        _waudit_words "--help --format --rules" "$cur"
      elif [[ " ${COMP_WORDS[*]:2:COMP_CWORD-2} " == *" check "* ]]; then
        _waudit_files "$cur"
      else
        _waudit_words "check" "$cur"
      fi
      ;;
  esac
}

# _waudit_scan CURRENT PREVIOUS: the options of scan, their values, and the inputs.
_waudit_scan() {
  local cur=$1 prev=$2
  case $prev in
    -f | --format) _waudit_words "text json jsonl csv sarif xlsx" "$cur" ;;
    --fail-on) _waudit_words "info low medium high critical never" "$cur" ;;
    --date-order) _waudit_words "dmy mdy ymd auto" "$cur" ;;
    --csv-dialect) _waudit_words "rfc4180 excel-de" "$cur" ;;
    --color) _waudit_words "auto always never" "$cur" ;;
    --ocr) _waudit_words "off auto on" "$cur" ;;
    --ocr-cache) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    --timezone) _waudit_zones "$cur" ;;
    -j | --jobs | --min-confidence | --max-entry-size | --max-ratio | --max-entries | \
      --max-depth | --max-nested-size | --max-line) ;;  # a number: nothing to offer
    -o | --output | --config | --rules | --fingerprint-key-file | --baseline | \
      --ignore-file | --key-file) _waudit_files "$cur" ;;
    *)
      if [[ $cur == -* ]]; then
        _waudit_words "$_waudit_scan_options" "$cur"
      else  # inputs: exports, databases, backups and folders of them
        _waudit_files "$cur"
      fi
      ;;
  esac
}

complete -F _waudit waudit
