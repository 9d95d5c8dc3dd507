package store

import "context"

// ReadUserForBench reads a staff token's users row as every token check did before
// the sign-in cache, for BenchmarkSignInCheck.
func ReadUserForBench(ctx context.Context, q *Queue, token string) (any, error) {
	return q.readUser(ctx, HashToken(token))
}

// ReadAccountForBench reads a patient token's session and account as every check did
// before the sign-in cache, for BenchmarkSignInCheck.
func ReadAccountForBench(ctx context.Context, q *Queue, token string) (any, error) {
	return q.readAccount(ctx, HashToken(token))
}
