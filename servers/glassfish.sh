# GlassFish 7, Jakarta EE 10 full platform, from its zip. Used by servers/smoke.
# Users in the file realm; a group grants the role of the same name; the default datasource
# (jdbc/__default) is moved from GlassFish's Derby to H2 from Maven Central: Bulletin ships
# Flyway's support for H2 and PostgreSQL, the databases its migrations are written and tested for.
SERVER_VERSION=7.0.21
GLASSFISH=target/servers/glassfish7
H2_VERSION=2.2.224

install() {
  fetch "org.glassfish.main.distributions:glassfish:$SERVER_VERSION:zip" "glassfish-$SERVER_VERSION.zip" &&
    fetch "com.h2database:h2:$H2_VERSION" "h2-$H2_VERSION.jar" &&
    rm -rf "$GLASSFISH" && unzip -q "target/servers/glassfish-$SERVER_VERSION.zip" -d target/servers &&
    cp "target/servers/h2-$H2_VERSION.jar" "$GLASSFISH/glassfish/domains/domain1/lib/"
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
  start_domain &&
    "$asadmin" create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource \
      --restype javax.sql.DataSource --property "url=jdbc\\:h2\\:$PWD/$GLASSFISH/bulletin-h2" bulletin-h2 &&
    "$asadmin" set resources.jdbc-resource.jdbc/__default.pool-name=bulletin-h2 &&
    "$asadmin" --passwordfile servers/passwords/publisher.password create-file-user --groups bulletin-publisher:user publisher &&
    "$asadmin" --passwordfile servers/passwords/alice.password create-file-user --groups user alice &&
    "$asadmin" --passwordfile servers/passwords/bob.password create-file-user --groups user bob &&
    "$asadmin" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true &&
    "$asadmin" create-system-properties bulletin.roles=user &&
    "$asadmin" deploy target/bulletin.war
}

# Another WAR beside Bulletin, at the context root of its name (bench/run.js's textbook endpoint)
deploy_war() {
  "$GLASSFISH/bin/asadmin" deploy "$1"
}

stop() {
  "$GLASSFISH/bin/asadmin" stop-domain --kill=true
  kill_domain # a domain that never answered is not stopped by stop-domain
}
