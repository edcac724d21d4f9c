#!/usr/bin/env python3
"""Merges the note writers' index.<X>.json and quiz.<X>.json parts into resources/notes/index.json
and resources/quiz/quiz.json (topic groups in reading order). Run after editing a part."""
import glob, json, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = [
    ("foundations", "基础", "Foundations"),
    ("optimisation", "优化", "Optimisation"),
    ("gradients", "梯度与初始化", "Gradients and initialisation"),
    ("regularisation", "正则化", "Regularisation"),
    ("normalisation", "归一化", "Normalisation"),
    ("data", "数据", "Data"),
    ("cnn", "卷积神经网络", "Convolutional networks"),
    ("sequence", "序列模型", "Sequence models"),
    ("tools", "工具", "Tools"),
    ("applications", "应用", "Applications"),
]
order = {g[0]: i for i, g in enumerate(GROUPS)}
notes = []
for part in sorted(glob.glob(os.path.join(root, "resources/notes/index.*.json"))):
    notes += json.load(open(part, encoding="utf-8"))
notes.sort(key=lambda n: (order[n["group"]], n.get("order", 0)))
index = {"groups": [{"id": g, "title": {"zh": zh, "en": en}} for g, zh, en in GROUPS], "notes": notes}
with open(os.path.join(root, "resources/notes/index.json"), "w", encoding="utf-8") as f:
    json.dump(index, f, ensure_ascii=False, indent=1)
    f.write("\n")
quiz = {"multiple_choice": [], "flashcards": []}
for part in sorted(glob.glob(os.path.join(root, "resources/quiz/quiz.*.json"))):
    q = json.load(open(part, encoding="utf-8"))
    quiz["multiple_choice"] += q.get("multiple_choice", [])
    quiz["flashcards"] += q.get("flashcards", [])
with open(os.path.join(root, "resources/quiz/quiz.json"), "w", encoding="utf-8") as f:
    json.dump(quiz, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(notes)} notes, {len(quiz['multiple_choice'])} multiple-choice, {len(quiz['flashcards'])} flash cards")
