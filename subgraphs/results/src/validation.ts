import { z } from 'zod';

const uuid = (what: string) => z.uuid({ message: `${what} is not a valid id.` });

export const submissionInput = z.object({
  quizId: uuid('quizId'),
  answers: z
    .array(
      z.object({
        questionId: uuid('questionId'),
        optionIds: z.array(uuid('An option id')).max(20, 'An answer chooses at most 20 options.'),
      }),
    )
    .max(100, 'A submission answers at most 100 questions.'),
  idempotencyKey: z.string().min(1, 'An idempotency key cannot be empty.').max(200, 'An idempotency key has at most 200 characters.').nullish(),
});
