import { input, label } from "./styles";

export function EmailField({ id = "email", name = "email", labelText = "E-mail address", error, defaultValue }: { id?: string; name?: string; labelText?: string; error?: string; defaultValue?: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={label}>
        {labelText}
      </label>
      <input
        id={id}
        name={name}
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={input}
        placeholder="you@example.com"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
