# Apache TomEE 9.0.0 web profile, from its zip: Jakarta EE 9.1, one release older than Bulletin
# needs (Servlet 6.0, WebSocket 2.1). Used by servers/smoke, which records what fails.
# Users and roles in tomcat-users.xml; TomEE makes a default datasource for JPA itself.
SERVER_VERSION=9.0.0
DEPLOY_SECONDS=60 # the WAR does not deploy (servers/expected-failures): no need to wait the others' 180 s
TOMEE=target/servers/apache-tomee-webprofile-$SERVER_VERSION

install() {
  fetch "org.apache.tomee:apache-tomee:$SERVER_VERSION:zip:webprofile" "apache-tomee-$SERVER_VERSION-webprofile.zip" &&
    rm -rf "$TOMEE" && unzip -q "target/servers/apache-tomee-$SERVER_VERSION-webprofile.zip" -d target/servers &&
    chmod +x "$TOMEE"/bin/*.sh && cp servers/tomee-users.xml "$TOMEE/conf/tomcat-users.xml" &&
    cp target/bulletin.war "$TOMEE/webapps/"
}

start() {
  CATALINA_PID="$TOMEE/tomee.pid" CATALINA_OPTS="-Dbulletin.roles=user" "$TOMEE/bin/catalina.sh" start
}

stop() {
  CATALINA_PID="$TOMEE/tomee.pid" "$TOMEE/bin/catalina.sh" stop 30 -force
}
