// Reading the preset catalogue (see PresetCatalog.h).
#include "io/PresetCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace dlio {

bool PresetCatalog::load(const QString& path, QString* error) {
  const auto fail = [error](const QString& message) {
    if (error) *error = message;
    return false;
  };
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return fail(QStringLiteral("%1: cannot be read").arg(path));
  QJsonParseError parse;
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
  if (!doc.isObject()) return fail(QStringLiteral("%1: %2").arg(path, parse.errorString()));
  const QJsonObject root = doc.object();

  QList<LabEntry> labs;
  QList<PresetGroup> groups;
  QList<PresetEntry> entries;
  QHash<QString, qsizetype> byName;
  for (const QJsonValue& l : root.value(QLatin1String("labs")).toArray()) {
    const QJsonObject o = l.toObject();
    const QString id = o.value(QLatin1String("id")).toString();
    if (id.isEmpty()) return fail(QStringLiteral("%1: a lab without an id").arg(path));
    labs.push_back({id, LocalizedText::fromJson(o.value(QLatin1String("title"))),
                    LocalizedText::fromJson(o.value(QLatin1String("summary")))});
  }
  for (const QJsonValue& g : root.value(QLatin1String("groups")).toArray()) {
    const QJsonObject o = g.toObject();
    const QString id = o.value(QLatin1String("id")).toString();
    const QString lab = o.value(QLatin1String("lab")).toString();
    if (std::none_of(labs.cbegin(), labs.cend(), [&](const LabEntry& l) { return l.id == lab; }))
      return fail(QStringLiteral("%1: group '%2': lab '%3' is not in \"labs\"").arg(path, id, lab));
    groups.push_back({id, lab, LocalizedText::fromJson(o.value(QLatin1String("title"))), {}});
  }
  for (const QJsonValue& p : root.value(QLatin1String("presets")).toArray()) {
    const QJsonObject o = p.toObject();
    PresetEntry e{o.value(QLatin1String("name")).toString(),
                  o.value(QLatin1String("group")).toString(),
                  {},
                  LocalizedText::fromJson(o.value(QLatin1String("title"))),
                  LocalizedText::fromJson(o.value(QLatin1String("description"))),
                  o.value(QLatin1String("view")).toString(),
                  o.value(QLatin1String("note")).toString(),
                  o.value(QLatin1String("map")).toString(),
                  o.value(QLatin1String("logAxis")).toBool(),
                  {},
                  0,
                  true,
                  o.value(QLatin1String("compare")).toString(),
                  o.value(QLatin1String("focus")).toString()};
    if (o.contains(QLatin1String("goal"))) {
      const QJsonObject goal = o.value(QLatin1String("goal")).toObject();
      e.goalLine = goal.value(QLatin1String("line")).toString();
      e.goalBelow = goal.contains(QLatin1String("below"));
      e.goalLevel = goal.value(QLatin1String(e.goalBelow ? "below" : "above")).toDouble(std::nan(""));
      if ((e.goalLine != QLatin1String("validation-loss") && e.goalLine != QLatin1String("validation-accuracy")) ||
          !std::isfinite(e.goalLevel))
        return fail(QStringLiteral("%1: preset '%2': \"goal\" needs \"line\" (validation-loss or "
                                   "validation-accuracy) and a number \"below\" or \"above\"")
                        .arg(path, e.name));
    }
    if (e.name.isEmpty()) return fail(QStringLiteral("%1: a preset without a name").arg(path));
    if (byName.contains(e.name)) return fail(QStringLiteral("%1: preset '%2' is listed twice").arg(path, e.name));
    for (PresetGroup& group : groups)
      if (group.id == e.group) {
        group.presets << e.name;
        e.lab = group.lab;
      }
    byName.insert(e.name, entries.size());
    entries.push_back(std::move(e));
  }
  if (labs.isEmpty() || groups.isEmpty() || entries.isEmpty())
    return fail(QStringLiteral("%1: no labs, no groups or no presets").arg(path));
  m_labs = std::move(labs);
  m_groups = std::move(groups);
  m_entries = std::move(entries);
  m_byName = std::move(byName);
  return true;
}

const PresetCatalog& PresetCatalog::builtIn() {
  static const PresetCatalog catalog = [] {
    PresetCatalog c;
    c.load();
    return c;
  }();
  return catalog;
}

const LabEntry* PresetCatalog::lab(const QString& id) const {
  for (const LabEntry& l : m_labs)
    if (l.id == id) return &l;
  return nullptr;
}

QStringList PresetCatalog::labIds() const {
  QStringList ids;
  for (const LabEntry& l : m_labs) ids << l.id;
  return ids;
}

QStringList PresetCatalog::presetsOf(const QString& lab) const {
  QStringList names;
  for (const PresetEntry& e : m_entries)
    if (e.lab == lab) names << e.name;
  return names;
}

const PresetEntry* PresetCatalog::entry(const QString& name) const {
  const auto it = m_byName.constFind(name);
  return it == m_byName.cend() ? nullptr : &m_entries[*it];
}

QString PresetCatalog::title(const QString& name, const QString& language) const {
  const PresetEntry* e = entry(name);
  const QString t = e ? e->title.in(language) : QString();
  return t.isEmpty() ? readableName(name) : t;
}

QString PresetCatalog::description(const QString& name, const QString& language) const {
  const PresetEntry* e = entry(name);
  return e ? e->description.in(language) : QString();
}

QString PresetCatalog::readableName(const QString& name) {
  // Words whose usual spelling is not plain lower case.
  static const QHash<QString, QString> spelled = {
      {QStringLiteral("relu"), QStringLiteral("ReLU")},   {QStringLiteral("lr"), QStringLiteral("LR")},
      {QStringLiteral("sgd"), QStringLiteral("SGD")},     {QStringLiteral("xor"), QStringLiteral("XOR")},
      {QStringLiteral("smote"), QStringLiteral("SMOTE")}, {QStringLiteral("l1"), QStringLiteral("L1")},
      {QStringLiteral("l2"), QStringLiteral("L2")},       {QStringLiteral("he"), QStringLiteral("He")},
      {QStringLiteral("adam"), QStringLiteral("Adam")},   {QStringLiteral("xavier"), QStringLiteral("Xavier")},
      {QStringLiteral("rnn"), QStringLiteral("RNN")},     {QStringLiteral("batchnorm"), QStringLiteral("BatchNorm")},
      {QStringLiteral("vs"), QStringLiteral("vs.")},
  };
  QStringList words = name.split(QRegularExpression(QStringLiteral("[-_]+")), Qt::SkipEmptyParts);
  for (QString& w : words) w = spelled.value(w.toLower(), w);
  if (!words.isEmpty() && words.front().at(0).isLower()) words.front()[0] = words.front().at(0).toUpper();
  return words.join(QLatin1Char(' '));
}

const QStringList& presetViews() {
  static const QStringList views = {QStringLiteral("loss"),         QStringLiteral("gradients"),
                                    QStringLiteral("saturation"),   QStringLiteral("sparsity"),
                                    QStringLiteral("learningRate"), QStringLiteral("metrics"),
                                    QStringLiteral("map"),          QStringLiteral("network"),
                                    QStringLiteral("activations"),  QStringLiteral("scores")};
  return views;
}

}  // namespace dlio
