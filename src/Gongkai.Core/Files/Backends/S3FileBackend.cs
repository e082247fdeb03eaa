using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Gongkai.Core.Files.Backends;

/// <summary>
/// An S3-compatible object store (<c>Gongkai:Files=S3</c>): the service's address, the bucket, an access
/// key and its secret, a region (us-east-1 unless the store wants another) and an optional prefix
/// for the keys, so several platforms can share one bucket.
/// </summary>
public sealed record S3Settings(string ServiceUrl, string Bucket, string AccessKey, string SecretKey, string Region = "us-east-1", string Prefix = "");

/// <summary>Files in an S3-compatible object store (MinIO, Ceph, a cloud's object storage), through AWSSDK.S3 with path-style addresses.</summary>
public sealed class S3FileBackend : IFileBackend, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3Settings settings;

    public S3FileBackend(S3Settings settings)
    {
        this.settings = settings;
        client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), new AmazonS3Config
        {
            ServiceURL = settings.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = settings.Region,
            // Many S3-compatible stores do not know the newer checksum trailers: send them only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public string Name => "S3 对象存储";

    public bool InDatabase => false;

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = settings.Bucket,
            Key = settings.Prefix + key,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            ContentType = "application/octet-stream",
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetObjectAsync(settings.Bucket, settings.Prefix + key, cancellationToken);
            var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>A read and a write, not CopyObject: stores differ in how they decode its source header.</summary>
    public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        await using var content = await OpenReadAsync(from, cancellationToken) as MemoryStream
            ?? throw new FileNotFoundException($"S3 对象存储中没有文件 {from}。");
        await WriteAsync(to, content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken);
        await DeleteAsync(from, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        client.DeleteObjectAsync(settings.Bucket, settings.Prefix + key, cancellationToken);

    public async IAsyncEnumerable<FileObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = settings.Bucket, Prefix = settings.Prefix + prefix };
        var objects = new List<FileObject>();
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in response.S3Objects ?? [])
                objects.Add(new FileObject(o.Key[settings.Prefix.Length..], (o.LastModified ?? DateTime.UtcNow).ToUniversalTime()));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        foreach (var o in objects.OrderBy(o => o.Key, StringComparer.Ordinal))
            yield return o;
    }

    public Task CheckAsync(CancellationToken cancellationToken) =>
        client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = settings.Bucket, Prefix = settings.Prefix, MaxKeys = 1 }, cancellationToken);

    public void Dispose() => client.Dispose();
}
