// Preset lookup in the compiled-in resources.
#include "io/Presets.h"

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
    throw IoError(QString("preset '%1' does not exist; --list-presets shows them").arg(name));
  QFile f(presetPath(name));
  if (!f.open(QIODevice::ReadOnly)) throw IoError(QString("preset '%1' cannot be read").arg(name));
  return parseExperiment(f.readAll(), QString("preset '%1'").arg(name));
}

}  // namespace dlio
