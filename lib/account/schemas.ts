import { z } from "zod";

// Form and API input for accounts. Messages are written for the person filling in the form.

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."));

export const registerSchema = z.object({
  email: emailSchema,
  consent: z.literal("on", { error: "Please agree to the Terms and the Privacy Policy to create an account." }),
  "g-recaptcha-response": z.string().max(4000).optional(),
});

export const loginSchema = z.object({ email: emailSchema });

export const changeEmailSchema = z.object({ email: emailSchema });

export const deleteAccountSchema = z.object({ confirmEmail: z.string().trim().max(254) });
