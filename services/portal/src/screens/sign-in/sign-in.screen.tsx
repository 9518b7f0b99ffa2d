import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { session } from '../../api/session';
import { useSession } from '../../app/use-session';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page';
import { graphql } from '../../gql';
import { parsePhoneNumber } from './phone-number';

const RequestCodeMutation = graphql(`
  mutation RequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      expiresInSeconds
      retryAfterSeconds
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      refreshToken
      expiresInSeconds
      user {
        id
        displayName
      }
    }
  }
`);

/** Only paths inside the app: a crafted ?next= must not send a person elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Phone and one-time code. In development no text is sent: the code can be read at the development SMS sink, and
 * the screen links to it when the server offers one.
 */
export function SignInScreen() {
  usePageTitle('Sign in');
  const tokens = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [phoneInput, setPhoneInput] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [devSinkUrl, setDevSinkUrl] = useState<string | null>(null);
  const [resendIn, setResendIn] = useState(0);
  const [requestCode, requested] = useMutation(RequestCodeMutation);
  const [signIn, signingIn] = useMutation(SignInMutation);

  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = setTimeout(() => setResendIn((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [resendIn]);

  if (tokens) return <Navigate to={next} replace />;

  const sendCode = async (target: string) => {
    setErrors([]);
    try {
      const { data } = await requestCode({ variables: { input: { phone: target } } });
      setPhone(target);
      setCode('');
      setResendIn(data?.requestSignInCode.retryAfterSeconds ?? 30);
      const sink = `/dev/sms?phone=${encodeURIComponent(target)}`;
      const probe = await fetch(sink, { method: 'GET' }).catch(() => null);
      setDevSinkUrl(probe?.ok ? sink : null);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  const onPhoneSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePhoneNumber(phoneInput);
    if ('error' in parsed) return setErrors([{ code: 'BAD_USER_INPUT', message: parsed.error, field: 'phone' }]);
    void sendCode(parsed.phone);
  };

  const onCodeSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!phone) return;
    if (!/^\d{6}$/.test(code)) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Enter the 6-digit code from the text message.', field: 'code' }]);
    setErrors([]);
    try {
      const { data } = await signIn({ variables: { input: { phone, code, displayName: displayName.trim() || undefined } } });
      if (!data) return;
      session.signedIn({ ...data.signIn, userId: data.signIn.user.id });
      navigate(next, { replace: true });
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  const { byField, general } = splitByField(errors, ['phone', 'code', 'displayName']);

  return (
    <Center mih="100dvh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="md">
          <Title order={1} size="h2">
            Sign in
          </Title>
          {!phone ? (
            <form onSubmit={onPhoneSubmit} noValidate>
              <Stack gap="md">
                <Text size="sm">We will text a one-time code to your mobile number.</Text>
                <TextInput
                  label="Mobile number"
                  description="With + and the country code, for example +14155550123"
                  type="tel"
                  autoComplete="tel"
                  inputMode="tel"
                  value={phoneInput}
                  onChange={(e) => setPhoneInput(e.currentTarget.value)}
                  error={byField['phone']}
                  required
                  autoFocus
                />
                <ErrorAlert errors={general} />
                <Button type="submit" loading={requested.loading}>
                  Send code
                </Button>
              </Stack>
            </form>
          ) : (
            <form onSubmit={(e) => void onCodeSubmit(e)} noValidate>
              <Stack gap="md">
                <Text size="sm">
                  Enter the code we sent to <strong>{phone}</strong>.{' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      setPhone(null);
                      setErrors([]);
                    }}
                  >
                    Use another number
                  </Anchor>
                </Text>
                {devSinkUrl && (
                  <Text size="sm" c="dimmed" role="note">
                    Development server: no text message is sent. Read the code at{' '}
                    <Anchor href={devSinkUrl} target="_blank" rel="noopener">
                      the development SMS sink
                    </Anchor>
                    .
                  </Text>
                )}
                <TextInput
                  label="Code"
                  description="6 digits"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                  error={byField['code']}
                  required
                  autoFocus
                />
                <TextInput
                  label="Your name"
                  description="Only needed the first time you sign in; others see it."
                  autoComplete="name"
                  value={displayName}
                  onChange={(e) => setDisplayName(e.currentTarget.value)}
                  error={byField['displayName']}
                />
                <ErrorAlert errors={general} />
                <Button type="submit" loading={signingIn.loading}>
                  Sign in
                </Button>
                <Button variant="subtle" type="button" disabled={resendIn > 0} onClick={() => void sendCode(phone)}>
                  {resendIn > 0 ? `Send a new code in ${resendIn} s` : 'Send a new code'}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
