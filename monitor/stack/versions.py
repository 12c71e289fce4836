"""Every pinned version and default of the local stack, in one place.

Bumping a server is a one-line change here; the cache keeps each version in its
own directory, so an old and a new download never mix.
"""

from __future__ import annotations

from typing import Final

# Newest Apache Kafka 4.x on Maven Central; the 4.x broker needs Java 17+.
KAFKA_VERSION: Final = "4.4.0"
KAFKA_SCALA: Final = "2.13"

# The Python client is elasticsearch 8.19.x and only talks to an 8.x server.
# 8.19.21 is the newest 8.19 integ-test-zip published on Maven Central (not every
# patch release is) and, like every 8.x, still runs on Java 17.
ES_VERSION: Final = "8.19.21"

# The kafka_2.13 POM declares no logging backend (the binary distribution adds
# one), and its slf4j-api 1.7 cannot bind log4j2's slf4j2 provider: pin both so
# the broker writes its log instead of falling back to slf4j's no-op logger.
SLF4J_VERSION: Final = "2.0.17"
LOG4J_VERSION: Final = "2.25.5"

# Maven 3.8 binds an ancient dependency plugin by default; 3.8.1 still supports
# Maven 3.6.3+, newer lines want Maven 3.9.
DEPENDENCY_PLUGIN: Final = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

# Lowest Java feature release both servers accept.
MIN_JAVA: Final = 17

HOST: Final = "127.0.0.1"
KAFKA_PORT: Final = 9092
KAFKA_CONTROLLER_PORT: Final = 9093
ES_PORT: Final = 9200
ES_TRANSPORT_PORTS: Final = "9300-9400"

KAFKA_HEAP: Final = ("-Xms512m", "-Xmx1g")
ES_HEAP: Final = ("-Xms1g", "-Xmx1g")

# Elasticsearch refuses to run as root; as root we run it as this system user.
ES_USER: Final = "monitor-es"
# Used when, as root, the state dir sits below a directory ES_USER cannot enter
# (the default ~/.cache lives in /root, mode 700).
ES_ROOT_FALLBACK: Final = "/var/lib/karabakh-monitor"

DEFAULT_KAFKA_BOOTSTRAP: Final = f"{HOST}:{KAFKA_PORT}"
DEFAULT_ES_URL: Final = f"http://{HOST}:{ES_PORT}"
