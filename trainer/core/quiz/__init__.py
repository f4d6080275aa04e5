"""Quizzes and exams: questions of four types built from cards, checked leniently."""
