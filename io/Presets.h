// Presets: the experiment files shipped in the resources (:/presets/<name>.json). Every lab's
// presets share that one folder (the notes' checker and Try it name a preset by its file); the
// catalogue (PresetCatalog) says which lab a preset belongs to, and that lab reads the file.
#pragma once

#include "io/ExperimentIo.h"

#include <QStringList>

namespace dlio {

// The presets of one lab (by the catalogue; a file it does not list counts as the playground's),
// or every preset file when `lab` is empty; sorted.
QStringList presetNames(const QString& lab = {});
QString presetPath(const QString& name);
// A playground preset as an experiment file. Throws IoError ("preset 'x' does not exist;
// --list-presets shows them") for an unknown name.
ExperimentFile readPreset(const QString& name);

}  // namespace dlio
