# `cmake --install` lays out what a Debian administrator expects:
#   bin/medtranslate-relay, bin/medtranslate-console
#   share/medtranslate/{resources,widget}        found by the relay beside its binary
#   lib/systemd/system/medtranslate-relay.service, lib/sysusers.d/medtranslate.conf
#   share/applications/medtranslate-console.desktop, share/icons/hicolor/scalable/apps/…
#   share/doc/medtranslate/{README.md,relay.env.example}
# The relay looks for <bindir>/../share/medtranslate, so keep DATADIR at its default.
include(GNUInstallDirs)

set(medtranslate_packaging "${PROJECT_SOURCE_DIR}/packaging")
set(medtranslate_datadir "${CMAKE_INSTALL_DATADIR}/medtranslate")
set(medtranslate_docdir "${CMAKE_INSTALL_DATAROOTDIR}/doc/medtranslate")

install(TARGETS medtranslate-relay RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT relay)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/" DESTINATION "${medtranslate_datadir}/resources"
    COMPONENT relay)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/widget/" DESTINATION "${medtranslate_datadir}/widget"
    COMPONENT relay PATTERN "README.md" EXCLUDE)

# Written at install time, so ExecStart names the prefix given to `cmake --install --prefix`.
install(CODE "
    set(MEDTRANSLATE_FULL_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    set(MEDTRANSLATE_FULL_DOCDIR \"\${CMAKE_INSTALL_PREFIX}/${medtranslate_docdir}\")
    configure_file(\"${medtranslate_packaging}/medtranslate-relay.service.in\"
        \"${PROJECT_BINARY_DIR}/packaging/medtranslate-relay.service\" @ONLY)"
    COMPONENT relay)
install(FILES "${PROJECT_BINARY_DIR}/packaging/medtranslate-relay.service"
    DESTINATION lib/systemd/system COMPONENT relay)
install(FILES "${medtranslate_packaging}/medtranslate-sysusers.conf"
    DESTINATION lib/sysusers.d RENAME medtranslate.conf COMPONENT relay)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${medtranslate_packaging}/relay.env.example"
    DESTINATION ${medtranslate_docdir} COMPONENT relay)

if(TARGET medtranslate-console)
    install(TARGETS medtranslate-console RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT console)
    install(FILES "${medtranslate_packaging}/medtranslate-console.desktop"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT console)
    install(FILES "${medtranslate_packaging}/medtranslate-console.svg"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT console)
endif()
