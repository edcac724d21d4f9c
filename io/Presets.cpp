// Preset lookup in the compiled-in resources.
#include "io/Presets.h"

#include "io/ErrorText.h"

#include <QDir>
#include <QFile>

namespace dlio {

QString presetPath(const QString& name) { return QString(":/presets/%1.json").arg(name); }

QStringList presetNames() {
  QStringList names;
  for (const QString& f : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name)) names << f.chopped(5);
  return names;
}

ExperimentFile readPreset(const QString& name) {
  if (!QFile::exists(presetPath(name)))
    throw IoError(fillTemplate(ErrorText::tr("preset '%1' does not exist; --list-presets shows them"), {name}));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(fillTemplate(ErrorText::tr("preset '%1' cannot be read"), {name}));
  return parseExperiment(f.readAll(), fillTemplate(ErrorText::tr("preset '%1'"), {name}));
}

}  // namespace dlio
