# GlassFish 7, Jakarta EE 10 full platform, from its zip. Used by servers/smoke.
# Users in the file realm; a group grants the role of the same name; the default datasource is
# GlassFish's own Derby (jdbc/__default), whose network server start-database runs.
SERVER_VERSION=7.0.21
GLASSFISH=target/servers/glassfish7

install() {
  fetch "org.glassfish.main.distributions:glassfish:$SERVER_VERSION:zip" "glassfish-$SERVER_VERSION.zip" &&
    rm -rf "$GLASSFISH" && unzip -q "target/servers/glassfish-$SERVER_VERSION.zip" -d target/servers
}

# GlassFish 7.0.21 now and then deadlocks in HK2 while it starts (a run-level thread waits for a
# service locator lock that an OSGi service registration holds): start-domain times out after 60 s
# with the JVM hung. Seen once in many runs here; the second start has always come up.
start_domain() {
  "$GLASSFISH/bin/asadmin" start-domain && return
  echo "start-domain failed: killing the hung domain and starting it once more"
  kill_domain
  "$GLASSFISH/bin/asadmin" start-domain
}

kill_domain() {
  pkill -9 -f "$GLASSFISH/glassfish/modules/glassfish.jar" || true
}

start() {
  local asadmin="$GLASSFISH/bin/asadmin"
  "$asadmin" start-database --dbhost 127.0.0.1 &&
    start_domain &&
    "$asadmin" --passwordfile servers/passwords/publisher.password create-file-user --groups bulletin-publisher:user publisher &&
    "$asadmin" --passwordfile servers/passwords/alice.password create-file-user --groups user alice &&
    "$asadmin" --passwordfile servers/passwords/bob.password create-file-user --groups user bob &&
    "$asadmin" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true &&
    "$asadmin" create-system-properties bulletin.roles=user &&
    "$asadmin" deploy target/bulletin.war
}

stop() {
  "$GLASSFISH/bin/asadmin" stop-domain --kill=true
  kill_domain # a domain that never answered is not stopped by stop-domain
  "$GLASSFISH/bin/asadmin" stop-database --dbhost 127.0.0.1
}
