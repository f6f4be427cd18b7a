# Sourced by the setup scripts: debian_install WHAT PACKAGE… installs Debian packages as root,
# or explains what is missing to anyone else.
debian_install() {
    local what=$1
    shift
    if [ "$(id -u)" != 0 ]; then
        echo "$what is not installed, and only root can install it: apt-get install $*" >&2
        exit 1
    fi
    echo "installing $what from Debian…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "$@" >&2
}
