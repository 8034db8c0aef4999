export * from './answerKey.js';
export * from './answers.js';
export * from './questions.js';
export * from './review.js';
export * from './scoring.js';
export * from './settings.js';
export * from './shuffle.js';
export * from './text.js';
