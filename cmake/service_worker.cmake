# Writes the site's service worker: web/sw.js with @KC_SITE_VERSION@ replaced by a hash of
# the files it caches. Run at build time by cmake/web.cmake:
#
#   cmake -DTEMPLATE=web/sw.js -DOUTPUT=site/sw.js -DFILES=a|b|c -P service_worker.cmake
if(NOT TEMPLATE OR NOT OUTPUT OR NOT FILES)
  message(FATAL_ERROR "service_worker.cmake needs TEMPLATE, OUTPUT and FILES")
endif()

string(REPLACE "|" ";" files "${FILES}")
set(hashes "")
foreach(file IN LISTS files)
  file(SHA256 "${file}" hash)
  string(APPEND hashes "${hash}")
endforeach()
file(SHA256 "${TEMPLATE}" template_hash)
string(SHA256 version "${hashes}${template_hash}")
string(SUBSTRING "${version}" 0 16 KC_SITE_VERSION)
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
