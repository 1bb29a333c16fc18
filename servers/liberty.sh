# Open Liberty, Jakarta EE 10 Web Profile, from its full runtime zip (feature downloads are not
# reachable here). Used by servers/smoke. Users in a basic registry, groups bound to Bulletin's
# roles in server.xml, and an H2 DefaultDataSource (Liberty has none of its own).
SERVER_VERSION=26.0.0.3
LIBERTY=target/servers/wlp
H2_VERSION=2.2.224

install() {
  liberty_install
}

# The server "bulletin" with $LIBERTY_SERVER_XML (the basic registry's by default) and Bulletin's settings
liberty_install() {
  fetch "io.openliberty:openliberty-runtime:$SERVER_VERSION:zip" "openliberty-runtime-$SERVER_VERSION.zip" &&
    fetch "com.h2database:h2:$H2_VERSION" "h2-$H2_VERSION.jar" &&
    rm -rf "$LIBERTY" && unzip -q "target/servers/openliberty-runtime-$SERVER_VERSION.zip" -d target/servers &&
    "$LIBERTY/bin/server" create bulletin &&
    cp "${LIBERTY_SERVER_XML:-servers/liberty-server.xml}" "$LIBERTY/usr/servers/bulletin/server.xml" &&
    cp "target/servers/h2-$H2_VERSION.jar" "$LIBERTY/usr/servers/bulletin/h2.jar" &&
    printf '%s\n' "BULLETIN_ROLES=user" ${LIBERTY_ENV:+"$LIBERTY_ENV"} > "$LIBERTY/usr/servers/bulletin/server.env" &&
    mkdir -p "$LIBERTY/usr/servers/bulletin/apps" && cp target/bulletin.war "$LIBERTY/usr/servers/bulletin/apps/"
}

start() {
  "$LIBERTY/bin/server" start bulletin
}

# Another WAR beside Bulletin, at the context root of its name: Liberty starts what its dropins
# folder receives (bench/run.js's textbook endpoint)
deploy_war() {
  mkdir -p "$LIBERTY/usr/servers/bulletin/dropins" && cp "$1" "$LIBERTY/usr/servers/bulletin/dropins/"
}

stop() {
  "$LIBERTY/bin/server" stop bulletin
}
