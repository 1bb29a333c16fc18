# Open Liberty signing users in with Keycloak's bearer tokens instead of a registry: MicroProfile JWT
# (mpJwt-2.1, in the full runtime), servers/liberty-oidc-server.xml. The suite is sign-in's
# (OidcSmokeIT, SignInContract's tests), which starts Keycloak itself, from the zip unpacked here.
# Used by servers/smoke.
source servers/liberty.sh
LIBERTY_SERVER_XML=servers/liberty-oidc-server.xml
LIBERTY_ENV='BULLETIN_TOPIC_POLICY=board.* board'
KEYCLOAK_VERSION=26.5.6
SMOKE_TESTS=dev/bulletin/it/OidcSmokeIT.java
SMOKE_ARGS="-Dkeycloak.home=$PWD/target/servers/keycloak-$KEYCLOAK_VERSION"

install() {
  liberty_install &&
    fetch "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" &&
    rm -rf "target/servers/keycloak-$KEYCLOAK_VERSION" &&
    unzip -q "target/servers/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d target/servers
}
