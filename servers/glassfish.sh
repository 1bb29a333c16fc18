# GlassFish 7, Jakarta EE 10 full platform, from its zip. Used by servers/smoke.
# Users in the file realm; a group grants the role of the same name; the default datasource is
# GlassFish's own Derby (jdbc/__default), whose network server start-database runs.
SERVER_VERSION=7.0.21
GLASSFISH=target/servers/glassfish7

install() {
  fetch "org.glassfish.main.distributions:glassfish:$SERVER_VERSION:zip" "glassfish-$SERVER_VERSION.zip" &&
    rm -rf "$GLASSFISH" && unzip -q "target/servers/glassfish-$SERVER_VERSION.zip" -d target/servers
}

start() {
  local asadmin="$GLASSFISH/bin/asadmin"
  "$asadmin" start-database --dbhost 127.0.0.1 &&
    "$asadmin" start-domain &&
    "$asadmin" --passwordfile servers/passwords/publisher.password create-file-user --groups bulletin-publisher:user publisher &&
    "$asadmin" --passwordfile servers/passwords/alice.password create-file-user --groups user alice &&
    "$asadmin" --passwordfile servers/passwords/bob.password create-file-user --groups user bob &&
    "$asadmin" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true &&
    "$asadmin" create-system-properties bulletin.roles=user &&
    "$asadmin" deploy target/bulletin.war
}

stop() {
  "$GLASSFISH/bin/asadmin" stop-domain --kill=true
  "$GLASSFISH/bin/asadmin" stop-database --dbhost 127.0.0.1
}
