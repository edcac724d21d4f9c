// Loading and searching the study notes (see NotesLibrary.h).
#include "notes/NotesLibrary.h"

#include "io/PresetCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace dlui {

namespace {

QString readText(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(f.readAll());
}

QStringList stringList(const QJsonValue& value) {
  QStringList out;
  for (const QJsonValue& v : value.toArray()) out << v.toString();
  return out;
}

// Markdown reduced to what a reader sees, so that searching "note" does not hit every link target.
QString searchableText(const QString& markdown) {
  static const QRegularExpression linkTarget(QStringLiteral(R"(\]\([^)]*\))"));
  QString text = markdown;
  text.replace(linkTarget, QStringLiteral("]"));
  return text;
}

}  // namespace

bool NotesLibrary::load(const QString& dir, QString* error) {
  m_groups.clear();
  m_notes.clear();
  m_byId.clear();
  m_haystacks.clear();

  QFile indexFile(dir + QStringLiteral("/index.json"));
  if (!indexFile.open(QIODevice::ReadOnly)) {
    if (error) *error = QStringLiteral("cannot open %1").arg(indexFile.fileName());
    return false;
  }
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(indexFile.readAll(), &parseError);
  if (!doc.isObject()) {
    if (error) *error = QStringLiteral("%1: %2").arg(indexFile.fileName(), parseError.errorString());
    return false;
  }
  const QJsonObject root = doc.object();
  for (const QJsonValue& g : root.value(QLatin1String("groups")).toArray()) {
    const QJsonObject o = g.toObject();
    m_groups.append(
        {o.value(QLatin1String("id")).toString(), LocalizedText::fromJson(o.value(QLatin1String("title")))});
  }
  for (const QJsonValue& n : root.value(QLatin1String("notes")).toArray()) {
    const QJsonObject o = n.toObject();
    Note note;
    note.id = o.value(QLatin1String("id")).toString();
    if (note.id.isEmpty() || m_byId.contains(note.id)) continue;
    note.group = o.value(QLatin1String("group")).toString();
    note.order = o.value(QLatin1String("order")).toInt();
    note.covers = stringList(o.value(QLatin1String("covers")));
    note.presets = stringList(o.value(QLatin1String("presets")));
    note.title = LocalizedText::fromJson(o.value(QLatin1String("title")));
    note.summary = LocalizedText::fromJson(o.value(QLatin1String("summary")));
    const QJsonObject watch = o.value(QLatin1String("watch")).toObject();
    for (auto it = watch.begin(); it != watch.end(); ++it)
      note.watch.insert(it.key(), LocalizedText::fromJson(it.value()));
    note.related = stringList(o.value(QLatin1String("related")));
    note.body.zh = readText(QStringLiteral("%1/%2.zh.md").arg(dir, note.id));
    note.body.en = readText(QStringLiteral("%1/%2.en.md").arg(dir, note.id));

    const QStringList parts = {note.title.zh,
                               note.title.en,
                               note.summary.zh,
                               note.summary.en,
                               searchableText(note.body.zh),
                               searchableText(note.body.en)};
    m_haystacks << parts.join(QLatin1Char('\n')).toCaseFolded();
    m_byId.insert(note.id, m_notes.size());
    m_notes.append(std::move(note));
  }
  if (error) error->clear();
  return true;
}

const NotesLibrary& NotesLibrary::builtIn() {
  static const NotesLibrary library = [] {
    NotesLibrary l;
    l.load();
    return l;
  }();
  return library;
}

QList<const Note*> NotesLibrary::notesInGroup(const QString& groupId) const {
  QList<const Note*> out;
  for (const Note& n : m_notes)
    if (n.group == groupId) out << &n;
  std::stable_sort(out.begin(), out.end(), [](const Note* a, const Note* b) { return a->order < b->order; });
  return out;
}

const Note* NotesLibrary::note(const QString& id) const {
  const auto it = m_byId.constFind(id);
  return it == m_byId.cend() ? nullptr : &m_notes[*it];
}

LocalizedText NotesLibrary::watchLine(const QString& preset, const QString& preferredNote) const {
  if (const Note* n = note(preferredNote); n && n->watch.contains(preset)) return n->watch.value(preset);
  for (const Note& n : m_notes)
    if (n.watch.contains(preset)) return n.watch.value(preset);
  return {};
}

QStringList NotesLibrary::searchTerms(const QString& query) {
  return query.toCaseFolded().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

QStringList NotesLibrary::search(const QString& query) const {
  const QStringList terms = searchTerms(query);
  QStringList ids;
  for (qsizetype i = 0; i < m_notes.size(); ++i) {
    const QString& hay = m_haystacks[i];
    if (std::all_of(terms.cbegin(), terms.cend(), [&hay](const QString& t) { return hay.contains(t); }))
      ids << m_notes[i].id;
  }
  return ids;
}

QStringList NotesLibrary::noteLinks(const QString& markdown) {
  static const QRegularExpression link(QStringLiteral(R"(\]\(\s*note:([^)\s]*)\s*\))"));
  QStringList ids;
  for (auto it = link.globalMatch(markdown); it.hasNext();) ids << it.next().captured(1);
  return ids;
}

QString NotesLibrary::presetDisplayName(const QString& preset) { return dlio::PresetCatalog::readableName(preset); }

}  // namespace dlui
