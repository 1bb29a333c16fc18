# fetch COORDINATES FILE: the artifact from Maven Central into target/servers (reused when already
# there). Sourced by servers/smoke and servers/bench-server before a server's script.
fetch() {
  local coordinates=$1 file=$2
  [ -f "target/servers/$file" ] || mvn -B -q dependency:copy -Dartifact="$coordinates" \
    -DoutputDirectory=target/servers -Dmdep.stripVersion=false >/dev/null || return 1
}
