// The resources library: presets, notes and quiz are compiled in by qt_add_resources (CMakeLists).
namespace dlplay_resources {
int anchor = 0;  // a static library needs at least one object file
}
