import { z } from 'zod';

/** Inputs of the auth.* commands (sign-in screen, lock screen). */
export const SignInInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().email({ message: 'email' }).max(320),
    password: z.string().min(1, { message: 'required' }).max(1024),
  })
  .strict();

export const UnlockInputSchema = z
  .object({ password: z.string().min(1, { message: 'required' }).max(1024) })
  .strict();
