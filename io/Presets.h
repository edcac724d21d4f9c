// Presets: experiment files shipped in the resources (:/presets/<name>.json).
#pragma once

#include "io/ExperimentIo.h"

#include <QStringList>

namespace dlio {

QStringList presetNames();  // sorted
// Throws IoError ("preset 'x' does not exist; --list-presets shows them") for an unknown name.
ExperimentFile readPreset(const QString& name);
QString presetPath(const QString& name);

}  // namespace dlio
