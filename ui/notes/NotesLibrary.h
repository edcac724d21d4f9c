// The study notes as data: the groups and notes of :/notes/index.json with both Markdown bodies,
// indexed for full-text search in both languages. No widgets here; the notes dock and the
// practice dialog read it, and the tests check the content through it.
#pragma once

#include "notes/Bilingual.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace dlui {

struct NoteGroup {
  QString id;
  LocalizedText title;
};

struct Note {
  QString id;
  QString group;
  int order = 0;
  QStringList covers;
  QStringList presets;  // experiment presets that demonstrate the note, in order
  LocalizedText title;
  LocalizedText summary;
  QHash<QString, LocalizedText> watch;  // preset name → what to watch when it runs
  QStringList related;
  LocalizedText body;  // Markdown
};

class NotesLibrary {
public:
  // Reads `<dir>/index.json` and every `<dir>/<id>.zh.md` / `.en.md`. Returns false and sets
  // *error (when given) if the index is missing or malformed; a missing body stays empty.
  bool load(const QString& dir = QStringLiteral(":/notes"), QString* error = nullptr);

  // The compiled-in notes, loaded on first use.
  static const NotesLibrary& builtIn();

  const QList<NoteGroup>& groups() const { return m_groups; }
  const QList<Note>& notes() const { return m_notes; }
  // The notes of a group in their `order`.
  QList<const Note*> notesInGroup(const QString& groupId) const;
  // nullptr when there is no such note.
  const Note* note(const QString& id) const;
  bool contains(const QString& id) const { return m_byId.contains(id); }
  // What to watch when `preset` runs: the line of `preferredNote` if it has one, else the first
  // note that describes the preset; empty when none does.
  LocalizedText watchLine(const QString& preset, const QString& preferredNote = {}) const;

  // Ids of the notes whose title, summary or body (either language) contains every
  // whitespace-separated term of `query`, case-insensitively; all ids for an empty query.
  QStringList search(const QString& query) const;
  // The terms search() matches, case-folded (shared with the viewer's highlighting).
  static QStringList searchTerms(const QString& query);

  // The note ids a Markdown text links to with `[text](note:<id>)`, in order of appearance.
  static QStringList noteLinks(const QString& markdown);
  // A preset name made readable: "dead-relu-high-lr" → "Dead ReLU high LR" (the fallback of the
  // preset catalogue, dlio::PresetCatalog, for a preset it does not list).
  static QString presetDisplayName(const QString& preset);

private:
  QList<NoteGroup> m_groups;
  QList<Note> m_notes;
  QHash<QString, qsizetype> m_byId;
  QStringList m_haystacks;  // per note: all searchable text, case-folded
};

}  // namespace dlui
