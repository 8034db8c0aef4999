/** Entities owned elsewhere, known here by id only. */
export interface UserRef {
  id: string;
}

export interface QuizRef {
  id: string;
}
