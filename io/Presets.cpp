// Preset lookup in the compiled-in resources.
#include "io/Presets.h"

#include "io/ErrorText.h"
#include "io/PresetCatalog.h"

#include <QDir>
#include <QFile>

namespace dlio {

QString presetPath(const QString& name) { return QString(":/presets/%1.json").arg(name); }

QStringList presetNames(const QString& lab) {
  const PresetCatalog& catalog = PresetCatalog::builtIn();
  QStringList names;
  for (const QString& f : QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name)) {
    const QString name = f.chopped(5);
    const PresetEntry* e = catalog.entry(name);
    if (lab.isEmpty() || lab == (e ? e->lab : QStringLiteral("playground"))) names << name;
  }
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
