# Read by cpack when it builds the package (CPACK_PROJECT_CONFIG_FILE, see CMakeLists.txt).
if(CPACK_DLPLAY_NATIVE)
  message(WARNING "This build uses -march=native: the package runs only on CPUs with this machine's "
    "instruction set. For a package for other machines, configure a build with -DDLPLAY_NATIVE=OFF.")
endif()
