# Article Six — two commands: `make run` and `make test`.
#
# Both install whatever Debian packages are missing (one list, below), configure and build.

PACKAGES := \
	gcc pkg-config meson ninja-build gettext itstool \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev \
	libsqlite3-dev sqlite3 \
	desktop-file-utils appstream appstream-util iso-codes shared-mime-info \
	xvfb xauth dbus-daemon dbus-bin at-spi2-core libgl1-mesa-dri fonts-dejavu-core \
	python3 python3-gi gir1.2-glib-2.0 python3-dogtail python3-pyatspi gir1.2-atspi-2.0 \
	imagemagick valgrind poppler-utils libxml2-utils python3-jsonschema \
	clang libclang-rt-14-dev \
	libportal-gtk4-dev python3-dbusmock

BUILD ?= build
ASAN_BUILD ?= build-asan
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps setup build run test bench pot clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q 'ok installed' || echo "$$p"; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

setup: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) --werror

build: setup
	meson compile -C $(BUILD)

run: build
	meson devenv -C $(BUILD) ./src/article-six

test: deps
	./tests/run-all.sh $(BUILD) $(ASAN_BUILD)

bench: setup
	meson compile -C $(BUILD)
	xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" dbus-run-session -- \
		meson test -C $(BUILD) --benchmark --verbose

pot: setup
	meson compile -C $(BUILD) article-six-pot article-six-update-po

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
